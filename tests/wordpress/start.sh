#!/usr/bin/env bash
# Starts a real WordPress (Debian's packages) for the integration tests, on loopback only:
# MariaDB on a socket in its own data directory, WordPress under `php -S 127.0.0.1:PORT`.
# Installs the packages when missing (as root). Idempotent: with the same directory
# (WORDPRESS_TEST_DIR, or the first argument) an installed site is only started again.
# Prints key=value lines: url, user, password (an application password), contributor,
# login_password (the admin's password for wp-admin, for the block editor in a browser),
# contributor_password (a user without the right to publish), stop (the script that stops it).
set -euo pipefail

dir="${1:-${WORDPRESS_TEST_DIR:-}}"
[ -n "$dir" ] || dir="$(mktemp -d /tmp/pressestelle-wordpress-XXXXXX)"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
name="pressestelle-test-$(basename "$dir" | tr -c 'a-zA-Z0-9-\n' '-')"

if ! command -v mariadbd >/dev/null 2>&1 || ! command -v php >/dev/null 2>&1 || [ ! -f /usr/share/wordpress/wp-settings.php ] || ! php -m | grep -qi mysqli; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq wordpress mariadb-server php-cli php-mysql >&2
fi

free_port() { php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];'; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# MariaDB: no network, a socket in the data directory.
sock="$dir/mysqld.sock"
if [ ! -d "$dir/mysql" ]; then
  mariadb-install-db --no-defaults --datadir="$dir/mysql" --user=root --auth-root-authentication-method=socket --skip-test-db >/dev/null 2>&1
fi
if ! alive "$dir/mysqld.pid"; then
  mariadbd --no-defaults --datadir="$dir/mysql" --socket="$sock" --skip-networking --pid-file="$dir/mysqld.pid" --user=root --log-error="$dir/mysqld.log" >/dev/null 2>&1 &
  for _ in $(seq 1 100); do mariadb --no-defaults --socket="$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.1; done
fi
mariadb --no-defaults --socket="$sock" -uroot -e "CREATE DATABASE IF NOT EXISTS wordpress; CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# The port stays the same across restarts (the site's address is stored in its options).
[ -f "$dir/port" ] || free_port > "$dir/port"
port="$(cat "$dir/port")"
url="http://127.0.0.1:$port"
mkdir -p "$dir/wp-content/uploads" "$dir/wp-content/plugins" "$dir/wp-content/mu-plugins" "$dir/wp-content/themes"
ln -sfn /usr/share/wordpress/wp-content/themes/twentytwentythree "$dir/wp-content/themes/twentytwentythree"
cat > "$dir/config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$sock');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
define('WP_CONTENT_DIR', '$dir/wp-content');
define('WP_CONTENT_URL', '$url/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
\$table_prefix = 'wp_';
PHP
# Debian's wp-config.php reads /etc/wordpress/config-\$WORDPRESS_CONFIG.php: point it at ours.
mkdir -p /etc/wordpress
printf '<?php require %s;\n' "'$dir/config.php'" > "/etc/wordpress/config-$name.php"
sed -e "s|@NAME@|$name|" -e "s|@CONTENT@|$dir/wp-content|" "$here/router.php" > "$dir/router.php"

if [ ! -f "$dir/credentials" ]; then
  WORDPRESS_CONFIG="$name" HTTP_HOST="127.0.0.1:$port" php "$here/install.php" > "$dir/credentials"
fi

if ! alive "$dir/php.pid"; then
  # Several workers: the block editor loads many scripts at once.
  PHP_CLI_SERVER_WORKERS=4 php -S "127.0.0.1:$port" -t /usr/share/wordpress "$dir/router.php" >"$dir/php.log" 2>&1 &
  echo $! > "$dir/php.pid"
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$url/?rest_route=/" && break; sleep 0.1; done
fi

cat > "$dir/stop.sh" <<SH
#!/usr/bin/env bash
# Stops this WordPress; with --purge also MariaDB, and removes its directory.
# The workers of php -S outlive their parent: stop them first.
if [ -f "$dir/php.pid" ]; then pkill -P "\$(cat "$dir/php.pid")" 2>/dev/null; kill "\$(cat "$dir/php.pid")" 2>/dev/null; fi; rm -f "$dir/php.pid"
if [ "\${1:-}" = --purge ]; then
  [ -f "$dir/mysqld.pid" ] && kill "\$(cat "$dir/mysqld.pid")" 2>/dev/null
  for _ in \$(seq 1 100); do [ -S "$sock" ] || break; sleep 0.1; done
  rm -f "/etc/wordpress/config-$name.php"
  rm -rf "$dir"
fi
SH
chmod +x "$dir/stop.sh"

echo "url=$url"
cat "$dir/credentials"
echo "dir=$dir"
echo "stop=$dir/stop.sh"
