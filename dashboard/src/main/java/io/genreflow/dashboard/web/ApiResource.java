package io.genreflow.dashboard.web;

import io.genreflow.contracts.TrackId;
import io.genreflow.dashboard.export.VerdictCsv;
import io.genreflow.dashboard.models.ModelsView;
import io.genreflow.dashboard.tracks.TrackActions;
import io.genreflow.dashboard.tracks.TrackDetail;
import io.genreflow.dashboard.tracks.TrackPage;
import io.genreflow.dashboard.tracks.TrackQuery;
import io.genreflow.dashboard.tracks.TrackSummary;
import io.genreflow.dashboard.upload.UploadPolicy;
import io.genreflow.dashboard.upload.UploadSigner;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** The dashboard's data as JSON, for scripts and the pages' own polling. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "genreflow")
public class ApiResource {

    private final DashboardServices services;
    private final RequestToken token;

    ApiResource(DashboardServices services, RequestToken token) {
        this.services = services;
        this.token = token;
    }

    /**
     * A file the browser is about to upload.
     *
     * @param name      the name it will have under uploads/
     * @param sizeBytes its size in bytes
     * @param type      the media type the browser reports, possibly empty
     */
    public record UploadRequest(String name, long sizeBytes, String type) {
    }

    /**
     * An error.
     *
     * @param error what is wrong
     */
    public record ApiError(String error) {
    }

    /** The same listing as the tracks page. */
    @GET
    @Path("tracks")
    @Operation(summary = "Tracks with status, progress and verdict; filter by status, genre and name, sort, page")
    public TrackPage tracks(@QueryParam("status") String status, @QueryParam("genre") String genre,
                            @QueryParam("q") String search, @QueryParam("sort") String sort,
                            @QueryParam("dir") String direction, @QueryParam("page") Integer page,
                            @QueryParam("size") Integer size) {
        return query(status, genre, search, sort, direction, page, size).apply(services.catalog().all());
    }

    /** Every track matching the filters, as CSV. */
    @GET
    @Path("tracks/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The filtered verdicts as CSV (all pages)")
    public Response exportCsv(@QueryParam("status") String status, @QueryParam("genre") String genre,
                              @QueryParam("q") String search, @QueryParam("sort") String sort,
                              @QueryParam("dir") String direction) {
        return Response.ok(VerdictCsv.of(matching(status, genre, search, sort, direction)))
                .header("Content-Disposition", "attachment; filename=\"genreflow-verdicts.csv\"").build();
    }

    /** Every track matching the filters, as JSON. */
    @GET
    @Path("tracks/export.json")
    @Operation(summary = "The filtered verdicts as JSON (all pages)")
    public Response exportJson(@QueryParam("status") String status, @QueryParam("genre") String genre,
                               @QueryParam("q") String search, @QueryParam("sort") String sort,
                               @QueryParam("dir") String direction) {
        return Response.ok(matching(status, genre, search, sort, direction))
                .header("Content-Disposition", "attachment; filename=\"genreflow-verdicts.json\"").build();
    }

    /** One track: summary, record and verdict. */
    @GET
    @Path("tracks/{id}")
    @Operation(summary = "One track: its row, its record, its verdict and, if it failed, what to do")
    public TrackDetail track(@PathParam("id") String id) {
        return PagesResource.detail(services, id);
    }

    /** The model set. */
    @GET
    @Path("models")
    @Operation(summary = "Labels, representations, architectures, metrics, confusion matrices, weights, version")
    public ModelsView models() {
        return services.models().view();
    }

    /** A signed upload for one file, or why the file is refused. */
    @POST
    @Path("uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a file and sign its upload; the signature fixes its size and type (needs X-CSRF-Token)")
    public Response signUpload(@HeaderParam(CsrfToken.HEADER) String submitted, UploadRequest file) {
        token.require(submitted);
        if (file == null) {
            return refused(Response.Status.BAD_REQUEST, "send {\"name\", \"sizeBytes\", \"type\"}");
        }
        UploadPolicy.Accepted accepted;
        try {
            accepted = services.uploadPolicy().check(file.name(), file.sizeBytes(), file.type());
        } catch (IllegalArgumentException e) {
            return refused(Response.Status.BAD_REQUEST, e.getMessage());
        }
        UploadSigner.SignedUpload signed = services.uploadSigner().sign(accepted);
        return Response.ok(signed).build();
    }

    /** Runs a finished track through the pipeline again. */
    @POST
    @Path("tracks/{id}/reprocess")
    @Operation(summary = "Reprocess a finished track (needs X-CSRF-Token)")
    public Response reprocess(@HeaderParam(CsrfToken.HEADER) String submitted, @PathParam("id") String id) {
        token.require(submitted);
        TrackId trackId = PagesResource.trackId(id);
        return act(() -> services.actions().reprocess(trackId), trackId, "reprocessing");
    }

    /** Deletes a finished track: its upload and every object made from it. */
    @DELETE
    @Path("tracks/{id}")
    @Operation(summary = "Delete a finished track and its upload (needs X-CSRF-Token)")
    public Response delete(@HeaderParam(CsrfToken.HEADER) String submitted, @PathParam("id") String id) {
        token.require(submitted);
        TrackId trackId = PagesResource.trackId(id);
        return act(() -> services.actions().delete(trackId), trackId, "deleted");
    }

    private Response act(Runnable action, TrackId id, String outcome) {
        try {
            action.run();
            return Response.ok(Map.of("id", id.value(), "outcome", outcome)).build();
        } catch (TrackActions.RefusedException e) {
            return refused(Response.Status.CONFLICT, e.getMessage());
        } finally {
            services.catalog().forget(id);
        }
    }

    private static Response refused(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(reason)).build();
    }

    private List<TrackSummary> matching(String status, String genre, String search, String sort, String direction) {
        return query(status, genre, search, sort, direction, 1, null).matching(services.catalog().all());
    }

    private TrackQuery query(String status, String genre, String search, String sort, String direction, Integer page,
                             Integer size) {
        return PagesResource.query(status, genre, search, sort, direction, page, size, services.settings().pageSize());
    }
}
