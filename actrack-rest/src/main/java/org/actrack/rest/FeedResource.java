package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's feed: {@code GET feed} (a page, newest first, as plain JSON, Activity Streams 2.0 or Atom, with
 * {@code next} and {@code prev} links and an {@code ETag} that answers {@code 304 Not Modified} while nothing
 * changed), {@code GET feed/unread-count}, {@code POST feed/{action}/read} and {@code POST feed/read} (all).
 * The live feed is {@link LiveFeedResource}.
 */
@Path("feed")
@RequestScoped
@Tag(name = "feed", description = "The caller's feed and its unread state")
public class FeedResource extends ActrackResource {

    /**
     * A page of the caller's feed.
     *
     * @param page the page's size, position and filters
     * @param unread {@code true} for the unread actions only
     * @return the page, in the representation the {@code Accept} header asks for
     */
    @GET
    @Operation(summary = "A page of the caller's feed, newest first",
            description = "Plain JSON, Activity Streams 2.0 (application/activity+json) or Atom, by Accept; "
                    + "size 1-100, cursor (older) or before (newer), verb, level, unread")
    public Response feed(@BeanParam PageRequest page, @QueryParam("unread") String unread) {
        Object user = caller();
        ActionQuery query = log.actions(user).feed();
        if (RequestParameters.bool("unread", unread)) {
            query = query.unreadFor(user);
        }
        Optional<ActionQuery> filtered = page.filter(query, log.settings(), ActionVisibility.Limits.NONE);
        return pages().page(user, filtered, page, "Your feed");
    }

    /**
     * How many actions of the caller's feed are unread.
     *
     * @return {@code {"unread": n}}
     */
    @GET
    @Path("unread-count")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many actions of the caller's feed are unread")
    public String unreadCount() {
        return ActivityJson.BUILDERS.createObjectBuilder().add("unread", log.unreadCount(caller())).build().toString();
    }

    /**
     * Marks one action of the caller's feed read.
     *
     * @param id the action's id
     * @return {@code {"changed": true}} when it was unread; 403 when the action is not in the caller's feed
     */
    @POST
    @Path("{action}/read")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Marks one action of the caller's feed read")
    public String markRead(@PathParam("action") String id) {
        Object user = caller();
        Action action = action("action", id);
        if (!inFeed(user, action)) {
            throw RestProblem.NOT_YOURS.exception("action " + action.id() + ": it is not in your feed");
        }
        return ActivityJson.BUILDERS.createObjectBuilder().add("changed", log.markReadFor(action, user)).build().toString();
    }

    /**
     * Marks every action of the caller's feed read.
     *
     * @return {@code {"marked": n}}, how many were unread
     */
    @POST
    @Path("read")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Marks every action of the caller's feed read")
    public String markAllRead() {
        return ActivityJson.BUILDERS.createObjectBuilder().add("marked", log.markAllRead(caller())).build().toString();
    }
}
