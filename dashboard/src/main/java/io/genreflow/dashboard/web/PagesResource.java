package io.genreflow.dashboard.web;

import io.genreflow.contracts.TrackId;
import io.genreflow.dashboard.charts.ConfusionHeatmap;
import io.genreflow.dashboard.charts.GenrePalette;
import io.genreflow.dashboard.models.ModelsView;
import io.genreflow.dashboard.tracks.TrackActions;
import io.genreflow.dashboard.tracks.TrackDetail;
import io.genreflow.dashboard.tracks.TrackPage;
import io.genreflow.dashboard.tracks.TrackQuery;
import io.genreflow.dashboard.tracks.TrackSummary;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The dashboard's HTML pages, rendered on the server; they read well without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PagesResource {

    private final DashboardServices services;
    private final RequestToken token;
    private final Template tracks;
    private final Template track;
    private final Template models;
    private final Template upload;
    private final Template message;

    PagesResource(DashboardServices services, RequestToken token,
                  @Location("dashboard/tracks.html") Template tracks, @Location("dashboard/track.html") Template track,
                  @Location("dashboard/models.html") Template models, @Location("dashboard/upload.html") Template upload,
                  @Location("dashboard/message.html") Template message) {
        this.services = services;
        this.token = token;
        this.tracks = tracks;
        this.track = track;
        this.models = models;
        this.upload = upload;
        this.message = message;
    }

    /** The tracks table. */
    @GET
    @Operation(hidden = true)
    public TemplateInstance tracks(@QueryParam("status") String status, @QueryParam("genre") String genre,
                                   @QueryParam("q") String search, @QueryParam("sort") String sort,
                                   @QueryParam("dir") String direction, @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        TrackQuery query = query(status, genre, search, sort, direction, page, size);
        List<TrackSummary> all = services.catalog().all();
        TrackPage result = query.apply(all);
        return page(tracks, "Tracks").data("page", result)
                .data("search", query.search().orElse(""))
                .data("selectedStatus", query.status().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(""))
                .data("selectedGenre", query.genre().orElse(""))
                .data("sortParameter", query.sort().parameter()).data("direction", query.descending() ? "desc" : "asc")
                .data("filtered", query.search().isPresent() || query.status().isPresent() || query.genre().isPresent())
                .data("links", new QueryLinks(query)).data("genres", services.models().view().labels())
                .data("statuses", List.of("splitting", "classifying", "done", "failed"))
                .data("processing", all.stream().anyMatch(t -> !t.status().isTerminal()));
    }

    /** One track. */
    @GET
    @Path("tracks/{id}")
    @Operation(hidden = true)
    public TemplateInstance track(@PathParam("id") String id) {
        TrackDetail detail = detail(services, id);
        return page(track, detail.summary().displayTitle()).data("view", TrackView.of(detail));
    }

    /** The upload, played from S3 through a short-lived signed URL; S3 serves ranges, so it seeks. */
    @GET
    @Path("tracks/{id}/audio")
    @Operation(hidden = true)
    public Response audio(@PathParam("id") String id) {
        var source = detail(services, id).record().source();
        URI url = URI.create(services.pipeline().presigner().presignGetObject(p -> p
                .signatureDuration(services.settings().playbackUrlLifetime())
                .getObjectRequest(g -> g.bucket(source.bucket()).key(source.key()).versionId(source.versionId())))
                .url().toString());
        return Response.seeOther(url).header("Cache-Control", "no-store").build();
    }

    /** The track's log-mel spectrogram, drawn by the feature code on first request and kept in the bucket. */
    @GET
    @Path("tracks/{id}/spectrogram.png")
    @Produces("image/png")
    @Operation(hidden = true)
    public Response spectrogram(@PathParam("id") String id) {
        TrackDetail detail = detail(services, id);
        byte[] png = services.spectrograms().of(detail.record())
                .orElseThrow(() -> new NotFoundException("track " + id + " has no decoded audio"));
        return Response.ok(png).header("Cache-Control", "private, max-age=86400").build();
    }

    /** The model set. */
    @GET
    @Path("models")
    @Operation(hidden = true)
    public TemplateInstance models() {
        ModelsView view = services.models().view();
        int n = view.labels().size();
        return page(models, "Models").data("models", view)
                .data("legend", new GenrePalette(view.labels()).legend())
                .data("heatmapSize", ConfusionHeatmap.size(n))
                .data("rowLabels", ConfusionHeatmap.rowLabels(view.labels()))
                .data("columnLabels", ConfusionHeatmap.columnLabels(view.labels()));
    }

    /** The upload page. */
    @GET
    @Path("upload")
    @Operation(hidden = true)
    public TemplateInstance upload() {
        return page(upload, "Upload").data("maxBytes", services.settings().maxUploadBytes());
    }

    /** Reprocess from the track page's form. */
    @POST
    @Path("tracks/{id}/reprocess")
    @Operation(hidden = true)
    public Response reprocess(@PathParam("id") String id, @FormParam(CsrfToken.FIELD) String submitted) {
        token.require(submitted);
        TrackId trackId = trackId(id);
        return act(() -> services.actions().reprocess(trackId), trackId,
                URI.create("/tracks/" + trackId.value()), "Reprocessing", "The track is queued again.");
    }

    /** Delete from the track page's form. */
    @POST
    @Path("tracks/{id}/delete")
    @Operation(hidden = true)
    public Response delete(@PathParam("id") String id, @FormParam(CsrfToken.FIELD) String submitted) {
        token.require(submitted);
        TrackId trackId = trackId(id);
        return act(() -> services.actions().delete(trackId), trackId, URI.create("/"), "Deleted",
                "The upload and everything made from it are gone.");
    }

    private Response act(Runnable action, TrackId id, URI next, String title, String done) {
        try {
            action.run();
        } catch (TrackActions.RefusedException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(message, "Not possible").data("text", e.getMessage()).data("next", "/tracks/" + id))
                    .build();
        } finally {
            services.catalog().forget(id);
        }
        return Response.ok(page(message, title).data("text", done).data("next", next.toString())).build();
    }

    private TemplateInstance page(Template template, String title) {
        return template.data("title", title).data("csrf", token.value());
    }

    static TrackQuery query(String status, String genre, String search, String sort, String direction, Integer page,
                            Integer size, int defaultSize) {
        try {
            return TrackQuery.parse(status, genre, search, sort, direction, page, size, defaultSize);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
    }

    private TrackQuery query(String status, String genre, String search, String sort, String direction, Integer page,
                             Integer size) {
        return query(status, genre, search, sort, direction, page, size, services.settings().pageSize());
    }

    /**
     * Track {@code id}.
     *
     * @throws NotFoundException when there is none, or the id is not one
     */
    static TrackDetail detail(DashboardServices services, String id) {
        return services.catalog().find(trackId(id)).orElseThrow(() -> new NotFoundException("there is no track " + id));
    }

    static TrackId trackId(String id) {
        try {
            return TrackId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("there is no track " + id, e);
        }
    }
}
