package org.actrack.demo;

import static org.actrack.Options.actorOnly;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.Options;
import org.actrack.RenderContext;
import org.actrack.Tracker;

/** A user's feed, unread state and what the user follows. */
@Path("users/{user}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    /** One feed entry. */
    public record Item(long id, String verb, String text, String time, boolean unread) {
    }

    /** A page of the feed and the link to the next one. */
    public record Feed(List<Item> items, String next, long unread) {
    }

    /** Something followed: a train, a station, or every train. */
    public record Followed(String kind, Long id, String name) {
    }

    @Inject
    ActionLog log;

    @Inject
    Railway railway;

    @Context
    UriInfo uri;

    @GET
    @Path("feed")
    public Feed feed(@PathParam("user") long userId, @QueryParam("cursor") String cursor,
            @QueryParam("size") @DefaultValue("10") int size) {
        User user = railway.find(User.class, userId);
        ActionQuery query = log.actions(user).feed().after(cursor);
        ActionPage page = query.page(size);
        List<Boolean> unread = log.areUnreadFor(user, page.actions());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < page.actions().size(); i++) {
            Action action = page.actions().get(i);
            // Rendering with a known unread state does not mark the action read: the page marks it explicitly.
            String text = log.render(action, RenderContext.forUser(user).withUnread(unread.get(i)));
            items.add(new Item(action.id(), action.verb(), text, action.timestamp().toString(), unread.get(i)));
        }
        String next = page.next().map(c -> uri.getBaseUriBuilder().path("users").path(Long.toString(userId)).path("feed")
                .queryParam("cursor", c).queryParam("size", size).build().toString()).orElse(null);
        return new Feed(items, next, log.unreadCount(user));
    }

    @GET
    @Path("unread")
    public long unreadCount(@PathParam("user") long userId) {
        return log.unreadCount(railway.find(User.class, userId));
    }

    @POST
    @Path("feed/{action}/read")
    public boolean markRead(@PathParam("user") long userId, @PathParam("action") long actionId) {
        User user = railway.find(User.class, userId);
        Action action = log.action(actionId).orElseThrow(() -> new BadRequestException("No action " + actionId));
        return log.markReadFor(action, user);
    }

    @POST
    @Path("feed/read")
    public int markAllRead(@PathParam("user") long userId) {
        return log.markAllRead(railway.find(User.class, userId));
    }

    @GET
    @Path("following")
    public List<Followed> following(@PathParam("user") long userId) {
        List<Followed> followed = new ArrayList<>();
        for (Tracker tracker : log.trackers(railway.find(User.class, userId)).owned().list()) {
            Object tracked = tracker.tracked().orElse(null);
            if (tracked instanceof Train train) {
                followed.add(new Followed("train", train.getId(), train.getName()));
            } else if (tracked instanceof Station station) {
                followed.add(new Followed("station", station.getId(), station.getName()));
            } else if (tracked == Train.class) {
                followed.add(new Followed("trains", null, "every train"));
            }
        }
        return followed;
    }

    @PUT
    @Path("following/{kind}/{id}")
    public void follow(@PathParam("user") long userId, @PathParam("kind") String kind, @PathParam("id") long id) {
        // Trains are followed for what they do; stations for everything that happens there.
        log.track(railway.find(User.class, userId), followable(kind, id), actorOnly(!kind.equals("station")));
    }

    @DELETE
    @Path("following/{kind}/{id}")
    public void unfollow(@PathParam("user") long userId, @PathParam("kind") String kind, @PathParam("id") long id) {
        log.untrack(railway.find(User.class, userId), followable(kind, id));
    }

    private Object followable(String kind, long id) {
        return switch (kind) {
            case "train" -> railway.find(Train.class, id);
            case "station" -> railway.find(Station.class, id);
            case "trains" -> Train.class;
            default -> throw new BadRequestException("Follow a train, a station or trains, not " + kind);
        };
    }
}
