/** The dashboard's own sign-in with a Cognito user pool: settings, token verification, the code flow, the gate. */
package io.genreflow.dashboard.auth;
