<?php
// The router of `php -S` for one test WordPress: its own configuration, its own wp-content.
$_SERVER['WORDPRESS_CONFIG'] = '@NAME@';
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (str_starts_with($path, '/wp-content/')) {
  $file = realpath('@CONTENT@' . substr($path, strlen('/wp-content')));
  if ($file && is_file($file) && !str_ends_with($file, '.php')) {
    header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
    readfile($file);
    return true;
  }
}
$root = '/usr/share/wordpress';
if ($path !== '/' && file_exists($root . $path) && !is_dir($root . $path)) {
  if (!str_ends_with($path, '.php')) return false;
  $script = $root . $path;
} elseif (is_dir($root . $path) && file_exists(rtrim($root . $path, '/') . '/index.php')) {
  $script = rtrim($root . $path, '/') . '/index.php';
} else {
  $script = $root . '/index.php';
}
$_SERVER['SCRIPT_FILENAME'] = $script;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = substr($script, strlen($root));
chdir(dirname($script));
require $script;
