package io.genreflow.dashboard.web;

import io.genreflow.dashboard.tracks.TrackQuery;
import io.quarkus.qute.TemplateData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Links of the tracks page that keep its filters: column sorting, paging, exports, the API. */
@TemplateData
public final class QueryLinks {

    private final TrackQuery query;

    public QueryLinks(TrackQuery query) {
        this.query = query;
    }

    /** This query sorted by {@code sort}; the current column's link flips the direction. */
    public String sortedBy(String sort) {
        TrackQuery.Sort by = TrackQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        boolean descending = by == query.sort() ? !query.descending() : by == TrackQuery.Sort.UPLOADED;
        return "/?" + encode(parameters(by, descending, 1));
    }

    /** The ARIA sort state of a column header: ascending, descending or none. */
    public String ariaSort(String sort) {
        return query.sort().parameter().equals(sort) ? (query.descending() ? "descending" : "ascending") : "none";
    }

    /** This query on page {@code page}. */
    public String page(int page) {
        return "/?" + encode(parameters(query.sort(), query.descending(), page));
    }

    /** The filtered verdicts as CSV or JSON, all pages. */
    public String export(String format) {
        Map<String, String> filters = parameters(query.sort(), query.descending(), 1);
        filters.remove("page");
        return "/api/tracks/export." + format + (filters.isEmpty() ? "" : "?" + encode(filters));
    }

    /** The JSON API URL the polling script fetches for this page. */
    public String api() {
        Map<String, String> parameters = parameters(query.sort(), query.descending(), query.page());
        parameters.put("size", Integer.toString(query.size()));
        return "/api/tracks?" + encode(parameters);
    }

    private Map<String, String> parameters(TrackQuery.Sort sort, boolean descending, int page) {
        Map<String, String> p = new LinkedHashMap<>();
        query.status().ifPresent(s -> p.put("status", s.name().toLowerCase(Locale.ROOT)));
        query.genre().ifPresent(g -> p.put("genre", g));
        query.search().ifPresent(s -> p.put("q", s));
        p.put("sort", sort.parameter());
        p.put("dir", descending ? "desc" : "asc");
        if (page > 1) {
            p.put("page", Integer.toString(page));
        }
        return p;
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
