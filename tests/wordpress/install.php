<?php
// Installs the test WordPress and prints its credentials (key=value), run once by start.sh.
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter('pre_wp_mail', '__return_false');
$admin = 'pressestelle';
$loginPassword = wp_generate_password(24, false);
wp_install('Pressestelle Test', $admin, 'webteam@example.org', false, '', $loginPassword);
update_option('permalink_structure', '/%postname%/');
$user = get_user_by('login', $admin);
[$password] = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'pressestelle']);
$contributor = wp_create_user('mitarbeit', wp_generate_password(24), 'mitarbeit@example.org');
(new WP_User($contributor))->set_role('contributor');
[$contributorPassword] = WP_Application_Passwords::create_new_application_password($contributor, ['name' => 'pressestelle']);
echo "user=$admin\npassword=$password\nlogin_password=$loginPassword\ncontributor=mitarbeit\ncontributor_password=$contributorPassword\n";
