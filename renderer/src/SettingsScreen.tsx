import { useId, useState } from 'react';
import { currentLocale, locales, type Locale } from '../../common/messages/index.js';
import { useBackend } from './api-context.js';
import { errorMessage } from './attempt.js';
import { useChangeLanguage } from './language.js';
import { t } from './messages.js';

/** "Einstellungen": the language of the interface, German unless chosen, remembered in the data folder. */
export function SettingsScreen({ onNotice }: { onNotice: (text: string) => void }) {
  const { api } = useBackend();
  const changeLanguage = useChangeLanguage();
  const [busy, setBusy] = useState(false);
  const legend = useId();
  const current = currentLocale();

  async function choose(language: Locale) {
    setBusy(true);
    try {
      const saved = await api.settings.setLanguage({ language });
      changeLanguage(saved.language);
    } catch (caught) {
      onNotice(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <section className="screen" aria-labelledby="settings-heading">
      <header className="screen-header">
        <h1 id="settings-heading">{t('settings.heading')}</h1>
      </header>
      <fieldset className="settings-group" aria-labelledby={legend} disabled={busy}>
        <legend id={legend}>{t('settings.language')}</legend>
        {locales.map((language) => (
          <label key={language} className="settings-choice">
            <input type="radio" name="language" value={language} checked={current === language} onChange={() => void choose(language)} />
            <span lang={language}>{t(`settings.language.${language}`)}</span>
          </label>
        ))}
        <p className="field-hint">{t('settings.languageHint')}</p>
      </fieldset>
    </section>
  );
}
