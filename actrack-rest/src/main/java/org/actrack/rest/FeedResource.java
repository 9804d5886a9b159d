package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.RenderContext;

/**
 * The caller's feed: {@code GET feed} (a page, newest first, as plain JSON or Activity Streams 2.0, with a
 * {@code Link} to the next page and an {@code ETag} that answers {@code 304 Not Modified} while nothing changed),
 * {@code GET feed/unread-count}, {@code POST feed/{action}/read} and {@code POST feed/read} (all).
 */
@Path("feed")
@RequestScoped
public class FeedResource {

    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;

    private static final List<Variant> REPRESENTATIONS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf(ActivityJson.ACTIVITY_JSON), MediaType.valueOf(ActivityJson.LD_JSON_ACTIVITY_STREAMS)).build();

    @Inject
    ActionLog log;

    @Inject
    RestUsers users;

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    Request request;

    /**
     * A page of the caller's feed.
     *
     * @param size how many actions, 1 to 100 (default 20)
     * @param cursor where the page starts: the {@code next} of the previous page
     * @param unread {@code true} for the unread actions only
     * @param verbs only actions of these verbs
     * @param level only actions at or above this level (a name or a number)
     * @return the page, in the representation the {@code Accept} header asks for
     */
    @GET
    public Response feed(@QueryParam("size") String size, @QueryParam("cursor") String cursor, @QueryParam("unread") String unread,
            @QueryParam("verb") List<String> verbs, @QueryParam("level") String level) {
        Object user = caller();
        Variant variant = request.selectVariant(REPRESENTATIONS);
        if (variant == null) {
            return ProblemResponses.problem(Response.Status.NOT_ACCEPTABLE, null,
                    "The feed is served as application/json, application/activity+json or " + ActivityJson.LD_JSON_ACTIVITY_STREAMS);
        }
        int pageSize = RequestParameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        ActionQuery query = log.actions(user).feed();
        if (RequestParameters.bool("unread", unread)) {
            query = query.unreadFor(user);
        }
        if (!verbs.isEmpty()) {
            query = query.verbs(verbs.toArray(String[]::new));
        }
        if (level != null) {
            query = RequestParameters.isInteger(level) ? query.minLevel(RequestParameters.integer("level", level, 0, Short.MIN_VALUE,
                    Short.MAX_VALUE)) : query.minLevel(level);
        }
        ActionPage page = query.after(cursor == null || cursor.isEmpty() ? null : cursor).page(pageSize);
        List<Action> actions = page.actions();
        List<Boolean> unreadStates = log.areUnreadFor(user, actions);
        List<String> summaries = new java.util.ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            // Rendering with the known unread state does not mark the action read.
            summaries.add(log.render(actions.get(i), RenderContext.forUser(user).withUnread(unreadStates.get(i))));
        }
        Optional<String> next = page.next().map(c -> uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build().toString());
        ActivityJson json = new ActivityJson(uri.getBaseUriBuilder().path("objects"));
        String body = variant.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && variant.getMediaType().getSubtype().equals("json")
                        ? json.plainPage(actions, summaries, unreadStates, next).toString()
                        : json.activityPage(uri.getRequestUri().toString(), uri.getBaseUriBuilder().path("feed").build().toString(), actions,
                                summaries, unreadStates, next).toString();
        // The tag is the representation's digest: unchanged feed, read state and rendering answer 304 to If-None-Match.
        EntityTag tag = new EntityTag(RepresentationDigest.of(variant.getMediaType() + "\n" + body), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged : Response.ok(body, variant);
        response.tag(tag).header("Vary", "Accept, Authorization");
        next.ifPresent(url -> response.link(url, "next"));
        return response.build();
    }

    /**
     * How many actions of the caller's feed are unread.
     *
     * @return {@code {"unread": n}}
     */
    @GET
    @Path("unread-count")
    @Produces(MediaType.APPLICATION_JSON)
    public String unreadCount() {
        return Json.createObjectBuilder().add("unread", log.unreadCount(caller())).build().toString();
    }

    /**
     * Marks one action of the caller's feed read.
     *
     * @param id the action's id
     * @return {@code {"changed": true}} when it was unread
     */
    @POST
    @Path("{action}/read")
    @Produces(MediaType.APPLICATION_JSON)
    public String markRead(@PathParam("action") String id) {
        Object user = caller();
        long actionId = RequestParameters.integer("action", id, 0, 1, Long.MAX_VALUE);
        Action action = log.action(actionId).orElseThrow(() -> RestProblem.UNKNOWN_ACTION.exception(id));
        return Json.createObjectBuilder().add("changed", log.markReadFor(action, user)).build().toString();
    }

    /**
     * Marks every action of the caller's feed read.
     *
     * @return {@code {"marked": n}}, how many were unread
     */
    @POST
    @Path("read")
    @Produces(MediaType.APPLICATION_JSON)
    public String markAllRead() {
        return Json.createObjectBuilder().add("marked", log.markAllRead(caller())).build().toString();
    }

    /** The caller's user; 404 outside actrack's own application or when switched off, 401 or 403 without a user. */
    private Object caller() {
        if (!Boolean.TRUE.equals(configuration.getProperty(ActrackRestApplication.SERVED_BY_ACTRACK)) || !log.settings().restEnabled()) {
            throw new NotFoundException();
        }
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            throw RestProblem.NOT_AUTHENTICATED.exception();
        }
        return users.user(principal).orElseThrow(() -> RestProblem.NO_USER.exception(principal.getName()));
    }
}
