/**
 * The settings of genreflow's functions as data: each function lists its {@link io.genreflow.settings.Setting}s
 * once, and both the Lambda entry point and the local stack read them through that list, so a name
 * or default cannot differ between the two and a deployment can enumerate what to set.
 */
package io.genreflow.settings;
