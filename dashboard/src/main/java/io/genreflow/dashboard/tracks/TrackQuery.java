package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.TrackStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which tracks a request asks for: filters, order and page, parsed from query parameters with
 * clear errors, and applied to a list of summaries.
 *
 * @param status     only tracks in this status, if given
 * @param genre      only tracks with this verdict genre, if given
 * @param search     only tracks whose file name, title or artist contains this (any case), if given
 * @param sort       the order
 * @param descending whether the order is reversed
 * @param page       the page, from 1
 * @param size       tracks per page
 */
public record TrackQuery(Optional<TrackStatus> status, Optional<String> genre, Optional<String> search, Sort sort,
                         boolean descending, int page, int size) {

    /** The most tracks one page may hold. */
    public static final int MAX_SIZE = 500;

    public TrackQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", got " + size);
        }
    }

    /** The orders tracks can be listed in. */
    public enum Sort {
        UPLOADED(TrackSummary::createdAt),
        NAME(t -> t.displayTitle().toLowerCase(Locale.ROOT)),
        STATUS(t -> t.status().ordinal()),
        GENRE(TrackSummary::genre),
        CONFIDENCE(TrackSummary::confidence),
        ENERGY(TrackSummary::energyScore),
        DURATION(TrackSummary::durationSeconds);

        private final Comparator<TrackSummary> ascending;

        <T extends Comparable<? super T>> Sort(Function<TrackSummary, T> key) {
            // Tracks without the value (no verdict yet) go last either way; the id breaks ties.
            this.ascending = Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(TrackSummary::id);
        }

        /** Lowest value first. */
        public Comparator<TrackSummary> ascending() {
            return ascending;
        }

        /** Highest value first. */
        public Comparator<TrackSummary> descending() {
            return ascending.reversed();
        }

        /** The parameter value that names this order. */
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A query from request parameters, each possibly null or blank.
     *
     * @throws IllegalArgumentException naming the parameter and the values it takes
     */
    public static TrackQuery parse(String status, String genre, String search, String sort, String direction,
                                   Integer page, Integer size, int defaultSize) {
        return new TrackQuery(
                text(status).map(s -> enumValue(TrackStatus.class, "status", s)),
                text(genre).map(g -> g.toLowerCase(Locale.ROOT)),
                text(search),
                text(sort).map(s -> enumValue(Sort.class, "sort", s)).orElse(Sort.UPLOADED),
                text(direction).map(TrackQuery::descending).orElse(text(sort).isEmpty()),
                page == null ? 1 : page,
                size == null ? defaultSize : size);
    }

    /** The tracks that match, in order, without paging. */
    public List<TrackSummary> matching(List<TrackSummary> tracks) {
        Comparator<TrackSummary> order = descending ? sort.descending() : sort.ascending();
        return tracks.stream().filter(this::matches).sorted(order).toList();
    }

    /** The requested page of the tracks that match. */
    public TrackPage apply(List<TrackSummary> tracks) {
        List<TrackSummary> matching = matching(tracks);
        int from = Math.min(matching.size(), (page - 1) * size);
        return new TrackPage(matching.subList(from, Math.min(matching.size(), from + size)), matching.size(), page,
                size);
    }

    /** The same query on another page. */
    public TrackQuery onPage(int other) {
        return new TrackQuery(status, genre, search, sort, descending, other, size);
    }

    private boolean matches(TrackSummary track) {
        return status.map(s -> s == track.status()).orElse(true)
                && genre.map(g -> g.equals(track.genre())).orElse(true)
                && search.map(s -> contains(track.name(), s) || contains(track.title(), s)
                        || contains(track.artist(), s)).orElse(true);
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static boolean descending(String direction) {
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new IllegalArgumentException("dir must be asc or desc, got '" + direction + "'");
        };
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
                    + ", got '" + value + "'", e);
        }
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
