/** The stack's HTTP face beside the dashboard: its health document, and the dashboard's access to the stack. */
package io.genreflow.local.web;
