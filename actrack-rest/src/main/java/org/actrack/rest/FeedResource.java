/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.actrack.Action;
import org.actrack.ActionQuery;
import org.actrack.StreamLimits;
import org.actrack.Unread;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's feed, as the caller may see it ({@link Visibility}): {@code GET feed} (a page, newest first, as plain
 * JSON, Activity Streams 2.0 or Atom, with {@code next} and {@code prev} links and an {@code ETag} that answers
 * {@code 304 Not Modified} while nothing changed), {@code GET feed/unread-count}, {@code POST feed/{action}/read} and
 * {@code POST feed/read} (all). The live feed is {@link LiveFeedResource}.
 */
@Path("feed")
@RequestScoped
@Tag(name = "feed", description = "The caller's feed and its unread state")
public class FeedResource extends ActrackResource {

    /** How many actions are marked read per statement when the caller's rules hide some. */
    private static final int MARK_CHUNK = 500;

    /** The most actions {@code POST feed/read} marks by id at once: a page of groups' unread ids. */
    static final int MAX_MARKED = 100;

    /**
     * A page of the caller's feed.
     *
     * @param page the page's size, position and filters
     * @param unread {@code true} for the unread actions only
     * @param since {@code followed} for a feed in which each followed object counts from when the caller followed it
     * @param flag only what the caller follows with this flag ({@code liking}…); the page then links no live
     *        continuation, the live feed being of every tracker
     * @return the page, in the representation the {@code Accept} header asks for
     */
    @GET
    @Operation(
            summary = "A page of the caller's feed, newest first",
            description = "Plain JSON, Activity Streams 2.0 (application/activity+json) or Atom, by Accept; "
                    + "size 1-100, cursor (older) or before (newer), verb, level, unread, since=followed (each followed"
                    + " object from when the caller followed it), flag (only what the caller follows with that flag);"
                    + " grouped=true for pages of groups (members=1-10 newest actions each, default 3);"
                    + " the first page in plain JSON links its live continuation (live)")
    public Response feed(
            @BeanParam PageRequest page,
            @QueryParam("unread") String unread,
            @QueryParam("since") String since,
            @QueryParam("flag") String flag) {
        Object user = caller();
        ActionQuery feed = visibility(user).feed(RequestParameters.sinceFollowed(since), flag);
        ActionQuery query = feed;
        if (RequestParameters.bool("unread", unread)) {
            query = query.unreadFor(user);
        }
        Optional<ActionQuery> filtered = page.filter(query, integration().settings(), StreamLimits.NONE);
        return pages().page(user, filtered, page, "Your feed", flag == null ? Optional.of(feed) : Optional.empty());
    }

    /**
     * How many actions of the caller's feed are unread, and how many of those the caller has not seen (a notification
     * badge: the unread actions newer than the last {@code POST feed/seen}).
     *
     * @return {@code {"unread": n, "unseen": m}}
     */
    @GET
    @Path("unread-count")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many actions of the caller's feed are unread, and how many of them unseen")
    public String unreadCount() {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        Visibility visibility = visibility(user);
        Unread state = log.unread(user);
        long unread;
        long unseen;
        if (visibility.hasRules()) {
            ActionQuery visible = visibility.feed().unreadFor(user);
            unread = visible.count();
            unseen = state.seenUntil()
                    .map(seen -> visible.since(seen.plus(1, ChronoUnit.MICROS)).count())
                    .orElse(unread);
        } else {
            unread = state.count();
            unseen = state.countUnseen();
        }
        return ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("unread", unread)
                .add("unseen", unseen)
                .build()
                .toString();
    }

    /**
     * Marks the caller's feed seen: the unseen count starts again from zero; every action stays unread until read.
     *
     * @return {@code {"unseen": 0}}
     */
    @POST
    @Path("seen")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Marks the caller's feed seen (the unseen count starts again; nothing is marked read)")
    public String markSeen() {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        log.unread(user).markSeen();
        return ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("unseen", 0)
                .build()
                .toString();
    }

    /**
     * Marks one action of the caller's feed read.
     *
     * @param id the action's id
     * @return {@code {"changed": true}} when it was unread; 404 when the action is not in the caller's feed
     */
    @POST
    @Path("{action}/read")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Marks one action of the caller's feed read")
    public String markRead(@PathParam("action") String id) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        Visibility visibility = visibility(user);
        Action action = readableAction("action", id, visibility::inFeed);
        return ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("changed", log.unread(user).markRead(action, true))
                .build()
                .toString();
    }

    /**
     * Marks every action of the caller's feed read, or only the actions named by {@code action} (a group's
     * {@code unreadIds}).
     *
     * @param actions the ids of the actions to mark, up to {@value #MAX_MARKED}; none to mark every action. Each must
     *        be in the caller's feed as they may see it (404 naming the first that is not, and nothing is marked)
     * @return {@code {"marked": n}}, how many were unread
     */
    @POST
    @Path("read")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Marks every action of the caller's feed read, or those named by action=<id> (repeated)",
            description = "action=<id>, up to 100 times: only these actions, each of which must be in the caller's"
                    + " feed (a group's unreadIds)")
    public String markAllRead(@QueryParam("action") List<String> actions) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        Visibility visibility = visibility(user);
        List<String> named = orEmpty(actions);
        if (named.size() > MAX_MARKED) {
            throw RestProblem.INVALID_PARAMETER.exception(
                    "action", "given at most " + MAX_MARKED + " times", named.size() + " ids");
        }
        int marked;
        if (!named.isEmpty()) {
            marked = reads.read(() -> {
                List<Action> chosen = new ArrayList<>(named.size());
                for (String id : named) {
                    chosen.add(readableAction("action", id, visibility::inFeed));
                }
                return count(log.unread(user).markRead(chosen, true));
            });
        } else {
            marked = visibility.hasRules()
                    ? markVisibleRead(user, visibility)
                    : log.unread(user).markAllRead();
        }
        return ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("marked", marked)
                .build()
                .toString();
    }

    /** Marks read the unread actions the caller may see, and only those: hidden ones are neither shown nor counted. */
    private int markVisibleRead(Object user, Visibility visibility) {
        return reads.read(() -> {
            int marked = 0;
            List<Action> chunk = new ArrayList<>(MARK_CHUNK);
            try (Stream<Action> unread = visibility.feed().unreadFor(user).stream(MARK_CHUNK)) {
                for (Action action : (Iterable<Action>) unread::iterator) {
                    chunk.add(action);
                    if (chunk.size() == MARK_CHUNK) {
                        marked += count(log.unread(user).markRead(chunk, true));
                        chunk.clear();
                    }
                }
            }
            return marked + count(log.unread(user).markRead(chunk, true));
        });
    }

    private static int count(List<Boolean> flags) {
        return (int) flags.stream().filter(Boolean::booleanValue).count();
    }
}
