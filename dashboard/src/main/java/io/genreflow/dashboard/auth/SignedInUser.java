package io.genreflow.dashboard.auth;

/**
 * Who a verified token names.
 *
 * @param subject the user pool's id of the user
 * @param name    what to show: the e-mail address or the user name, else the subject
 */
public record SignedInUser(String subject, String name) {
}
