package io.genreflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInSettingsTest {

    private static SignInSettings from(Map<String, String> values) {
        return SignInSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void offUnlessTurnedOn() {
        assertEquals(SignInSettings.OFF, from(Map.of()));
    }

    @Test
    void onReadsThePoolTheClientAndTheHostedPages() {
        SignInSettings settings = from(Map.of("genreflow.dashboard.auth.enabled", "true",
                "genreflow.dashboard.auth.issuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/",
                "genreflow.dashboard.auth.client-id", "client",
                "genreflow.dashboard.auth.sign-in-url", "https://genreflow.auth.eu-west-1.amazoncognito.com"));
        assertEquals(new SignInSettings(true, URI.create("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc"),
                "client", URI.create("https://genreflow.auth.eu-west-1.amazoncognito.com")), settings);
    }

    @Test
    void onWithoutThePoolOrOverPlainHttpIsRefusedByName() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("genreflow.dashboard.auth.enabled", "true")));
        assertTrue(missing.getMessage().contains("GENREFLOW_DASHBOARD_AUTH_ISSUER"), missing.getMessage());
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("genreflow.dashboard.auth.enabled", "true",
                        "genreflow.dashboard.auth.issuer", "http://pool.example",
                        "genreflow.dashboard.auth.client-id", "c",
                        "genreflow.dashboard.auth.sign-in-url", "https://x.example")));
        assertTrue(plain.getMessage().contains("https"), plain.getMessage());
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("genreflow.dashboard.auth.enabled", "yes")));
        assertTrue(neither.getMessage().contains("GENREFLOW_DASHBOARD_AUTH_ENABLED"), neither.getMessage());
    }
}
