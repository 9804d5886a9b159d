/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.GroupPage;
import org.actrack.RenderContext;

/**
 * A page of actions as the client asked for it: plain JSON, Activity Streams 2.0 or Atom, chosen by
 * {@code Accept}; with {@code next} and {@code prev} links (in the body and as RFC 8288 {@code Link} headers)
 * and an {@code ETag} that answers {@code 304 Not Modified} while the page is unchanged. The page is read, its
 * unread state worked out and its texts rendered in one transaction and one rendering call.
 */
final class ActionPages {

    static final MediaType ACTIVITY_JSON = MediaType.valueOf(ActivityJson.ACTIVITY_JSON);
    static final MediaType LD_JSON = MediaType.valueOf(ActivityJson.LD_JSON_ACTIVITY_STREAMS);

    /** The representations of a page, the first preferred when the client accepts several equally. */
    static final List<MediaType> PAGE_TYPES =
            List.of(MediaType.APPLICATION_JSON_TYPE, ACTIVITY_JSON, LD_JSON, MediaType.APPLICATION_ATOM_XML_TYPE);

    /** The representations of one action or object. */
    static final List<MediaType> ONE_TYPES = PAGE_TYPES.subList(0, 3);

    private final ActionLog log;
    private final UriInfo uri;
    private final Request request;
    private final HttpHeaders headers;
    private final ObjectPresentation presentation;
    private final ReadTransaction reads;

    ActionPages(
            ActionLog log,
            UriInfo uri,
            Request request,
            HttpHeaders headers,
            ObjectPresentation presentation,
            ReadTransaction reads) {
        this.log = log;
        this.uri = uri;
        this.request = request;
        this.headers = headers;
        this.presentation = presentation;
        this.reads = reads;
    }

    /**
     * The page of {@code query} that the request asks for, rendered for {@code user} with their unread state; for an
     * Activity Streams client that names the whole stream, the {@code OrderedCollection} whose {@code first} page
     * follows.
     */
    Response page(Object user, Optional<ActionQuery> query, PageRequest parameters, String title) {
        return page(user, query, parameters, title, Optional.empty());
    }

    /**
     * A page of the caller's feed: as {@link #page(Object, Optional, PageRequest, String)}, and the first page in plain
     * JSON says where its live continuation starts ({@code live}: the live feed resuming after the page's newest
     * action, so that nothing committed between the page and the stream is missed).
     *
     * @param live the live feed's query, whose cursors the live feed resumes from
     */
    Response page(
            Object user,
            Optional<ActionQuery> query,
            PageRequest parameters,
            String title,
            Optional<ActionQuery> live) {
        MediaType type = representation(PAGE_TYPES);
        int size = parameters.size();
        boolean towardNewer = parameters.towardNewer();
        String position = parameters.position();
        String collection = withoutTrailingQuestionMark(withoutPaging().build().toString());
        if (isActivityStreams(type) && parameters.namesTheCollection()) {
            String first = withoutPaging()
                    .queryParam("page", "true")
                    .build()
                    .toString()
                    .replace("?&", "?");
            return tagged(
                            type,
                            new ActivityJson(objects())
                                    .activityCollection(collection, title, first)
                                    .toString())
                    .build();
        }
        if (parameters.grouped()) {
            return groups(user, query, parameters, type, collection, title);
        }
        Rendered page = reads.read(() -> {
            Read read = query.map(q -> read(q, towardNewer, position, size))
                    .orElse(new Read(List.of(), Optional.empty(), Optional.empty()));
            List<Boolean> unread = log.unread(user).areUnread(read.actions());
            List<String> summaries = log.renderAll(read.actions(), RenderContext.forUser(user), unread);
            return new Rendered(read, unread, summaries);
        });
        Optional<String> nextUrl = page.read()
                .next()
                .map(c -> pageUri().replaceQueryParam("cursor", c).build().toString());
        Optional<String> prevUrl = page.read()
                .prev()
                .map(c -> pageUri().replaceQueryParam("before", c).build().toString());
        String body;
        if (type.isCompatible(MediaType.APPLICATION_ATOM_XML_TYPE)) {
            body = new AtomFeed(objects())
                    .feed(
                            collection,
                            uri.getRequestUri().toString(),
                            title,
                            page.read().actions(),
                            page.summaries(),
                            nextUrl,
                            prevUrl);
        } else if (!isActivityStreams(type)) {
            jakarta.json.JsonObject plain = new ActivityJson(objects())
                    .plainPage(page.read().actions(), page.summaries(), page.unread(), nextUrl, prevUrl);
            if (live.isPresent() && position == null) {
                UriBuilder events = uri.getBaseUriBuilder().path("feed").path("events");
                page.read().actions().stream()
                        .findFirst()
                        .ifPresent(newest ->
                                events.queryParam("lastEventId", live.get().cursorOf(newest)));
                plain = ActivityJson.BUILDERS
                        .createObjectBuilder(plain)
                        .add("live", events.build().toString())
                        .build();
            }
            body = plain.toString();
        } else {
            body = new ActivityJson(objects())
                    .activityPage(
                            uri.getRequestUri().toString(),
                            collection,
                            page.read().actions(),
                            page.summaries(),
                            page.unread(),
                            nextUrl,
                            prevUrl)
                    .toString();
        }
        Response.ResponseBuilder response = tagged(type, body);
        nextUrl.ifPresent(url -> response.link(url, "next"));
        prevUrl.ifPresent(url -> response.link(url, "prev"));
        return response.build();
    }

    /**
     * A page of groups ({@code grouped=true}): the query read as groups with the caller's unread and seen state per
     * group, every member rendered in one call; {@code next} links only (groups page toward older ones).
     */
    private Response groups(
            Object user,
            Optional<ActionQuery> query,
            PageRequest parameters,
            MediaType type,
            String collection,
            String title) {
        int size = parameters.size();
        int members = parameters.members();
        String position = parameters.position();
        GroupsRead read = reads.read(() -> {
            GroupPage page = query.map(q -> q.grouped()
                            .readBy(user)
                            .members(members)
                            .after(position)
                            .page(size))
                    .orElse(new GroupPage(List.of(), null));
            List<Action> all = new ArrayList<>();
            List<Boolean> unread = new ArrayList<>();
            for (ActionGroup group : page.groups()) {
                for (Action member : group.members()) {
                    all.add(member);
                    unread.add(group.unreadIds().contains(member.id()));
                }
            }
            return new GroupsRead(
                    page, new RenderedMembers(all, log.renderAll(all, RenderContext.forUser(user), unread)));
        });
        Optional<String> nextUrl = read.page()
                .next()
                .map(c -> pageUri().replaceQueryParam("cursor", c).build().toString());
        List<ActionGroup> groups = read.page().groups();
        String body;
        if (type.isCompatible(MediaType.APPLICATION_ATOM_XML_TYPE)) {
            body = new AtomFeed(objects())
                    .groupFeed(collection, uri.getRequestUri().toString(), title, groups, read.rendered(), nextUrl);
        } else {
            GroupJson json = new GroupJson(new ActivityJson(objects()));
            body = (isActivityStreams(type)
                            ? json.activityPage(
                                    uri.getRequestUri().toString(), collection, groups, read.rendered(), nextUrl)
                            : json.plainPage(groups, read.rendered(), nextUrl))
                    .toString();
        }
        Response.ResponseBuilder response = tagged(type, body);
        nextUrl.ifPresent(url -> response.link(url, "next"));
        return response.build();
    }

    /** One action, in plain JSON or as an Activity Streams 2.0 activity. */
    Response one(Object user, Action action) {
        MediaType type = representation(ONE_TYPES);
        Rendered one = reads.read(() -> {
            List<Boolean> unread = log.unread(user).areUnread(List.of(action));
            return new Rendered(
                    new Read(List.of(action), Optional.empty(), Optional.empty()),
                    unread,
                    log.renderAll(List.of(action), RenderContext.forUser(user), unread));
        });
        ActivityJson json = new ActivityJson(objects());
        String body = isActivityStreams(type)
                ? json.activity(action, one.summaries().get(0), one.unread().get(0), true)
                        .toString()
                : json.plainAction(action, one.summaries().get(0), one.unread().get(0))
                        .toString();
        return tagged(type, body).build();
    }

    /** The representation the client accepts best ({@link Negotiation}); 406 as a problem when none. */
    MediaType representation(List<MediaType> offered) {
        return Negotiation.choose(offered, headers).orElseThrow(() -> RestProblem.NOT_ACCEPTABLE.exception(offered));
    }

    /** How objects and actions are named and addressed in this request's representations. */
    ObjectAddresses objects() {
        return new ObjectAddresses(presentation, uri.getBaseUriBuilder());
    }

    static boolean isActivityStreams(MediaType type) {
        return type.isCompatible(ACTIVITY_JSON) || type.isCompatible(LD_JSON);
    }

    private Read read(ActionQuery query, boolean towardNewer, String position, int size) {
        if (towardNewer) {
            ActionPage page = query.before(position).page(size);
            List<Action> actions = page.actions();
            return new Read(
                    actions,
                    Optional.of(actions.isEmpty() ? position : query.cursorOf(actions.get(actions.size() - 1))),
                    page.next());
        }
        ActionPage page = query.after(position).page(size);
        List<Action> actions = page.actions();
        return new Read(
                actions,
                page.next(),
                position == null
                        ? Optional.empty()
                        : Optional.of(actions.isEmpty() ? position : query.cursorOf(actions.get(0))));
    }

    private UriBuilder pageUri() {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor").replaceQueryParam("before");
    }

    /** A URI as some runtimes build it once every query parameter is removed ({@code …/feed?}), without the {@code ?}. */
    private static String withoutTrailingQuestionMark(String uri) {
        return uri.endsWith("?") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The stream's own address: the request's, without the parameters that place a page in it. */
    private UriBuilder withoutPaging() {
        UriBuilder builder = uri.getRequestUriBuilder();
        PageRequest.PAGING.forEach(builder::replaceQueryParam);
        return builder;
    }

    /**
     * The response, or 304 when the client's {@code If-None-Match} holds the representation's digest; private to the
     * caller, revalidated by its entity tag.
     */
    private Response.ResponseBuilder tagged(MediaType type, String body) {
        EntityTag tag = new EntityTag(RepresentationDigest.of(type + "\n" + body), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged : Response.ok(body, type);
        return response.tag(tag)
                .header("Vary", "Accept, Authorization, Cookie")
                .header("Cache-Control", "private, no-cache");
    }

    /** A page as read: its actions, and the positions of the pages after (older) and before (newer) it. */
    private record Read(List<Action> actions, Optional<String> next, Optional<String> prev) {}

    /** A page of groups read and rendered for its reader. */
    private record GroupsRead(GroupPage page, RenderedMembers rendered) {}

    /** A page read and rendered for its reader. */
    private record Rendered(Read read, List<Boolean> unread, List<String> summaries) {}
}
