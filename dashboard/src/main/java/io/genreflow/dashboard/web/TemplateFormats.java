package io.genreflow.dashboard.web;

import io.genreflow.dashboard.charts.Percent;
import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How templates print numbers and times: the same on every server, whatever its locale. */
@TemplateExtension
final class TemplateFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TemplateFormats() {
    }

    static String fmtPercent(Double probability) {
        return probability == null ? "–" : Percent.of(probability);
    }

    static String fmt2(Double value) {
        return value == null ? "–" : Percent.number(value, 2);
    }

    static String fmt1(Double value) {
        return value == null ? "–" : Percent.number(value, 1);
    }

    static String fmtClock(Double seconds) {
        return seconds == null ? "–" : Percent.clock(seconds);
    }

    static String fmtTime(String iso8601) {
        return iso8601 == null ? "–" : TIME.format(Instant.parse(iso8601));
    }

    /** 2147483648 as "2 GiB", 1500000 as "1.4 MiB". */
    static String fmtBytes(Long bytes) {
        if (bytes == null) {
            return "–";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? Long.toString((long) value) : Percent.number(value, 1)) + " " + units[unit];
    }

    static String fmtLower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
