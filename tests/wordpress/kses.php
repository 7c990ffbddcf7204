<?php
// Prints standard input as WordPress keeps post content from users without `unfiltered_html`
// (wp_kses_post, block attributes included), for the test WordPress named by WORDPRESS_CONFIG.
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
echo wp_kses_post(file_get_contents('php://stdin'));
