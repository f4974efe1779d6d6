/** The single JSON configuration shared by every component that reads or writes genreflow documents. */
package io.genreflow.json;
