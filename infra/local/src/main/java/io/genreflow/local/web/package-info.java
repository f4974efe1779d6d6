/** The stack's HTTP face: the dashboard page and a health document. */
package io.genreflow.local.web;
