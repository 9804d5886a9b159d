/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How actions of one verb behave: the Java form of django-actrack's {@code ActionHandler}.
 *
 * <p>In a CDI application a handler is a bean implementing this interface, qualified with
 * {@link Verb @Verb("arrived")}; actions of verbs without a handler use the default handler, a bean with
 * the {@code @Default} qualifier that an application may replace with an {@code @Alternative}. Two
 * handler beans for the same verb are a deployment error. Without CDI, pass a lookup to the engine's
 * builder. Handlers must be thread-safe; every method has a default, so a handler overrides only what
 * it changes.
 *
 * <h2>Combination (when an action is logged)</h2>
 * When an action N of this handler's verb is logged, the actions queued before it in the same
 * transaction (or request) are scanned newest first. An earlier action Q qualifies when it has the same
 * actor and N's targets are all among Q's targets. Then, if {@code handler(N).combinesInto(N, Q)}, N is
 * merged into Q and not kept; otherwise, if {@code handler(Q).combinesInto(Q, N)}, Q is merged into N and
 * removed, and the scan goes on. This is django-actrack's {@code combine_with_<verb>}:
 * {@code combinesInto(self, other)} is {@code combine_with_<other verb>}.
 *
 * <p>When an action of the transaction was grouped into an action stored before it (see below), that stored
 * action takes its place in the scan: N may be merged into it, as in django-actrack, and the stored action
 * grows; but it is never merged into N, because combination never deletes or moves an action another
 * transaction stored.
 *
 * <h2>Grouping (when an action is written)</h2>
 * With a grouping delay other than -1, a new action is merged into an earlier one with the same actor
 * and verb (and, for a positive delay, at most that many seconds older, also among stored actions) when
 * {@link #groups(LoggedAction, LoggedAction)} says so. The earlier action keeps its timestamp; levels
 * take the maximum, targets and related objects the union, and data is merged (maps recursively, lists
 * appended, the earlier scalar kept).
 *
 * <h2>Rendering</h2>
 * {@link #render(Action, RenderContext)} turns a stored action into text, by default
 * {@code "<text>, <time info>"}: "alice created task in relation to project, 5 minutes ago". The wording
 * comes from the resource bundle {@code org.actrack.ActionTexts} in the context's locale (English by
 * default). Override {@link #text}, {@link #timeInfo} or {@link #render} to change it; actrack fills in
 * the context's time and unread state before calling them.
 */
public interface ActionHandler {

    /**
     * The level of actions of this verb logged without one; empty for {@link SettingKeys#DEFAULT_LEVEL}.
     *
     * @return the level of actions of this verb logged without one; empty for {@link SettingKeys#DEFAULT_LEVEL}
     */
    default OptionalInt level() {
        return OptionalInt.empty();
    }

    /**
     * Whether {@code newer} groups into {@code older} (same actor and verb, within the grouping delay).
     * By default: when their targets are the same set, or their related objects are.
     *
     * @param newer the action being logged
     * @param older the earlier action
     * @return whether {@code newer} groups into {@code older} (same actor and verb, within the grouping delay)
     */
    default boolean groups(LoggedAction newer, LoggedAction older) {
        return new HashSet<>(newer.targets()).equals(new HashSet<>(older.targets()))
                || new HashSet<>(newer.related()).equals(new HashSet<>(older.related()));
    }

    /**
     * How this verb's actions fall into groups when a query is read {@linkplain ActionQuery#grouped() grouped}: by
     * default by first target in buckets of {@link SettingKeys#GROUP_BUCKET}. Unlike {@link #groups}, which merges
     * actions when they are written, this rule is applied at every read: changing it changes how the whole history
     * reads, and nothing stored changes. Asked once per engine and verb, for the verbs that have a handler of their
     * own; every other verb groups by the default rule.
     *
     * @return the rule of this verb
     */
    default ReadGrouping readGrouping() {
        return ReadGrouping.DEFAULT;
    }

    /**
     * Whether actions of this verb are unread <em>by position</em> instead of by one row per follower: for verbs that
     * reach many users at once (an announcement to the followers of a popular project, a timetable change to everyone
     * who watches a line). By default {@code false}: writing an action writes one unread mark per user who tracks it
     * (spec §0.4), so an object with 10,000 followers costs 10,000 rows per action.
     *
     * <p>When {@code true}, writing an action of this verb writes one row whatever the number of followers, and the
     * action is unread for a user when one of the user's trackers created before it matches it (as for a mark), it
     * is newer than the user's read position ({@link Unread#markAllRead()} moves it to the time of the call) and the
     * user has not marked it read ({@link Unread#markRead(Action)} writes one row for that user). Counts, the unread
     * filter, grouped pages, the live feed and {@link PersonalData#export} read both kinds alike: unread stays a
     * subset of the feed, and counts stay exact. Two differences with marks: a broadcast action is unread for the
     * trackers that match it <em>now</em> (a tracker changed to match more verbs, or made with a start in the past,
     * makes its earlier actions unread, where marks would not), and counting reads the user's matching actions since
     * the read position, so a user who never marks all read pays for a range that grows.
     *
     * <p>Asked once per engine and verb, of the verbs that have a handler of their own; the answer is written with
     * each action, so changing it later changes only the actions logged after the change.
     *
     * @return whether actions of this verb are unread by position
     */
    default boolean unreadByPosition() {
        return false;
    }

    /**
     * Whether {@code self}, an action of this handler's verb, is absorbed into {@code other}, an action
     * logged before it with the same actor and a superset of its targets. By default never.
     *
     * @param self the action being logged
     * @param other an action logged earlier in the same queue
     * @return whether {@code self}, an action of this handler's verb, is absorbed into {@code other}, an action logged before it with the same actor and a superset of its targets
     */
    default boolean combinesInto(LoggedAction self, LoggedAction other) {
        return false;
    }

    /**
     * The data an action of this verb keeps once {@code erased} is erased ({@link PersonalData#erase}): remove what the
     * application wrote about the person into it (a name, an e-mail address, a message). By default the data is kept
     * as it is. The action's references already point at the anonymous deleted item when this is called.
     *
     * <pre>{@code
     * public Map<String, Object> scrub(LoggedAction action, ObjectRef erased) {
     *     Map<String, Object> data = new HashMap<>(action.data());
     *     data.remove("senderEmail");
     *     return data;
     * }
     * }</pre>
     *
     * @param action the stored action, as it is now
     * @param erased the reference of the person erased
     * @return the data to keep
     */
    default Map<String, Object> scrub(LoggedAction action, ObjectRef erased) {
        return action.data();
    }

    /**
     * What the action says: "actor verb targets", "a and b", "a, b and c", "a, b and 2 others" for several
     * targets, and " in relation to …" for related objects; without an actor, "verb targets". Removed
     * entities read as their deleted item's description.
     *
     * @param action the action
     * @param context the rendering context (locale, current user, time)
     * @return what the action says: "actor verb targets", "a and b", "a, b and c", "a, b and 2 others" for several targets, and " in relation to …" for related objects; without an actor, "verb targets"
     */
    default String text(Action action, RenderContext context) {
        return ActionTexts.text(action, context.locale());
    }

    /**
     * When it happened, relative to the context's time: "0\u00a0minutes ago", "1\u00a0day, 3\u00a0hours ago".
     *
     * @param action the action
     * @param context the rendering context (locale, current user, time)
     * @return the relative time, in the context's locale
     */
    default String timeInfo(Action action, RenderContext context) {
        return ActionTexts.timeInfo(action.timestamp(), context.now(), context.locale());
    }

    /**
     * The values a template needs to render the action: the context's own values, and {@code action},
     * {@code data}, {@code handler}, {@code user} and {@code unread}.
     *
     * @param action the action
     * @param context the rendering context (locale, current user, time)
     * @return the values a template needs to render the action: the context's own values, and {@code action}, {@code data}, {@code handler}, {@code user} and {@code unread}
     */
    default Map<String, Object> renderContext(Action action, RenderContext context) {
        Map<String, Object> values = new LinkedHashMap<>(context.values());
        values.put("action", action);
        values.put("data", action.data());
        values.put("handler", this);
        values.put("user", context.user());
        values.put("unread", context.unread());
        return values;
    }

    /**
     * The action as text: by default {@code text + ", " + timeInfo}.
     *
     * @param action the action
     * @param context the rendering context (locale, current user, time)
     * @return the action as text: by default {@code text + ", " + timeInfo}
     */
    default String render(Action action, RenderContext context) {
        return text(action, context) + ", " + timeInfo(action, context);
    }
}
