/** The HTTP side: pages, JSON API, security headers, forgery protection, error pages, health. */
package io.genreflow.dashboard.web;
