import { useEffect, useState } from 'react';
import type { Notice } from '../../common/contract.js';
import { useBackend } from './api-context.js';
import { t } from './messages.js';

/** What main has to tell the person since the start (a recovered database), until "Verstanden". */
export function Notices() {
  const { api } = useBackend();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let active = true;
    api.app.notices().then(
      (list) => active && setNotices(list),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api]);

  function dismiss(id: string) {
    setNotices((list) => list.filter((notice) => notice.id !== id));
    void api.app.dismissNotice({ id }).catch(() => undefined);
  }

  return (
    <>
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="notice-inline notice-problem app-notice">
          <p>{notice.message}</p>
          <button type="button" onClick={() => dismiss(notice.id)}>
            {t('recovery.dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}
