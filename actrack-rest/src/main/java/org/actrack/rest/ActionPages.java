package org.actrack.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.RenderContext;

/**
 * A page of actions as the client asked for it: plain JSON, Activity Streams 2.0 or Atom, chosen by
 * {@code Accept}; with {@code next} and {@code prev} links (in the body and as RFC 8288 {@code Link} headers)
 * and an {@code ETag} that answers {@code 304 Not Modified} while the page is unchanged.
 */
final class ActionPages {

    static final MediaType ACTIVITY_JSON = MediaType.valueOf(ActivityJson.ACTIVITY_JSON);
    static final MediaType LD_JSON = MediaType.valueOf(ActivityJson.LD_JSON_ACTIVITY_STREAMS);

    /** The representations of a page, the first preferred when the client accepts several equally. */
    static final List<Variant> PAGE_VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, ACTIVITY_JSON, LD_JSON,
            MediaType.APPLICATION_ATOM_XML_TYPE).build();

    private final ActionLog log;
    private final UriInfo uri;
    private final Request request;
    private final ObjectPresentation presentation;

    ActionPages(ActionLog log, UriInfo uri, Request request, ObjectPresentation presentation) {
        this.log = log;
        this.uri = uri;
        this.request = request;
        this.presentation = presentation;
    }

    /** The page of {@code query} that the request asks for, rendered for {@code user} with their unread state. */
    Response page(Object user, Optional<ActionQuery> query, PageRequest parameters, String title) {
        Variant variant = variant(PAGE_VARIANTS);
        int size = parameters.size();
        boolean towardNewer = parameters.towardNewer();
        String position = parameters.position();
        List<Action> actions;
        Optional<String> next;
        Optional<String> prev;
        if (query.isEmpty()) {
            actions = List.of();
            next = Optional.empty();
            prev = Optional.empty();
        } else if (towardNewer) {
            ActionPage page = query.get().before(position).page(size);
            actions = page.actions();
            next = Optional.of(actions.isEmpty() ? position : query.get().cursorOf(actions.get(actions.size() - 1)));
            prev = page.next();
        } else {
            ActionPage page = query.get().after(position).page(size);
            actions = page.actions();
            next = page.next();
            prev = position == null ? Optional.empty()
                    : Optional.of(actions.isEmpty() ? position : query.get().cursorOf(actions.get(0)));
        }
        List<Boolean> unread = log.areUnreadFor(user, actions);
        List<String> summaries = summaries(user, actions, unread);
        Optional<String> nextUrl = next.map(c -> pageUri().replaceQueryParam("cursor", c).build().toString());
        Optional<String> prevUrl = prev.map(c -> pageUri().replaceQueryParam("before", c).build().toString());
        String collection = uri.getRequestUriBuilder().replaceQueryParam("cursor").replaceQueryParam("before")
                .replaceQueryParam("size").build().toString();
        MediaType type = variant.getMediaType();
        String body;
        if (type.isCompatible(MediaType.APPLICATION_ATOM_XML_TYPE)) {
            body = new AtomFeed(objects()).feed(collection, uri.getRequestUri().toString(), title, actions, summaries, nextUrl, prevUrl);
        } else if (type.getSubtype().equals("json")) {
            body = new ActivityJson(objects()).plainPage(actions, summaries, unread, nextUrl, prevUrl).toString();
        } else {
            body = new ActivityJson(objects()).activityPage(uri.getRequestUri().toString(), collection, actions, summaries, unread,
                    nextUrl, prevUrl).toString();
        }
        Response.ResponseBuilder response = tagged(variant, body);
        nextUrl.ifPresent(url -> response.link(url, "next"));
        prevUrl.ifPresent(url -> response.link(url, "prev"));
        return response.build();
    }

    /** One action, in plain JSON or as an Activity Streams 2.0 activity. */
    Response one(Object user, Action action) {
        Variant variant = variant(PAGE_VARIANTS.subList(0, 3));
        boolean unread = log.areUnreadFor(user, List.of(action)).get(0);
        String summary = summaries(user, List.of(action), List.of(unread)).get(0);
        ActivityJson json = new ActivityJson(objects());
        String body = variant.getMediaType().getSubtype().equals("json") ? json.plainAction(action, summary, unread).toString()
                : json.activity(action, summary, unread, true).toString();
        return tagged(variant, body).build();
    }

    /** The representation the client accepts; 406 as a problem when none. */
    Variant variant(List<Variant> variants) {
        Variant variant = request.selectVariant(variants);
        if (variant == null) {
            throw RestProblem.NOT_ACCEPTABLE.exception(variants.stream().map(v -> v.getMediaType().toString()).toList());
        }
        return variant;
    }

    /** How objects are named and addressed in this request's representations. */
    ObjectAddresses objects() {
        return new ObjectAddresses(presentation, uri.getBaseUriBuilder().path("objects"));
    }

    private List<String> summaries(Object user, List<Action> actions, List<Boolean> unread) {
        List<String> summaries = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            // Rendering with the known unread state does not mark the action read.
            summaries.add(log.render(actions.get(i), RenderContext.forUser(user).withUnread(unread.get(i))));
        }
        return summaries;
    }

    private UriBuilder pageUri() {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor").replaceQueryParam("before");
    }

    /** The response, or 304 when the client's {@code If-None-Match} holds the representation's digest. */
    private Response.ResponseBuilder tagged(Variant variant, String body) {
        EntityTag tag = new EntityTag(RepresentationDigest.of(variant.getMediaType() + "\n" + body), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged : Response.ok(body, variant);
        return response.tag(tag).header("Vary", "Accept, Authorization");
    }
}
