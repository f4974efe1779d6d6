package io.genreflow.local.dashboard;

import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * A browser's session with the dashboard as far as forgery protection goes: the CSRF cookie the
 * first page sets and the token that page embeds.
 *
 * @param cookie the genreflow_csrf cookie's value
 * @param token  the token in the page's csrf-token meta tag
 */
record DashboardSession(String cookie, String token) {

    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    /** Opens the tracks page and keeps what it set. */
    static DashboardSession open() {
        Response page = given().get("/");
        Matcher meta = META.matcher(page.asString());
        if (!meta.find()) {
            throw new AssertionError("the tracks page has no csrf-token meta tag");
        }
        return new DashboardSession(page.getCookie("genreflow_csrf"), meta.group(1));
    }
}
