/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.GroupPage;
import org.actrack.GroupedQuery;
import org.actrack.ObjectRef;
import org.actrack.ReadGrouping;
import org.actrack.engine.Problem;

/**
 * An action query read as pages of groups: one statement ({@link GroupStatement}) computes the groups of a time window,
 * their counts and their newest members in the database, and the members are then loaded by id.
 *
 * <p>A group's actions all lie in one time bucket, so a window that starts at a bucket boundary holds every group
 * whose bucket starts in it whole. The page is read from a window that starts at the bucket of the position (of the
 * fallback rule), then 1, 3, 7, … 63 buckets lower, then from the whole history, stopping at the first window whose
 * groups, taken newest first until the first that may continue below the window, fill the page: those groups are
 * exactly the first ones of the unlimited query. Above the position the window reaches the end of the position's
 * bucket, so that a group already shown (one with an action at or above the position) is recognised and left out.
 */
final class GroupedQueryImpl implements GroupedQuery {

    static final int DEFAULT_MEMBERS = 3;
    /** Windows of 1, 2, 4, … 64 buckets before the whole history. */
    private static final int WINDOW_STEPS = 7;

    private final ActionQueryImpl.QueryContext context;
    private final Function<EntityManager, List<Match>> matches;
    private final ActionFilters filters;
    private final String fingerprint;
    private final ObjectRef reader;
    private final int members;
    private final String position;

    GroupedQueryImpl(
            ActionQueryImpl.QueryContext context,
            Function<EntityManager, List<Match>> matches,
            ActionFilters filters,
            String fingerprint,
            ObjectRef reader,
            int members,
            String position) {
        this.context = context;
        this.matches = matches;
        this.filters = filters;
        this.fingerprint = fingerprint;
        this.reader = reader;
        this.members = members;
        this.position = position;
    }

    @Override
    public GroupedQuery readBy(Object user) {
        ObjectRef ref = context.users().apply(user);
        return new GroupedQueryImpl(context, matches, filters, fingerprint, ref, members, position);
    }

    @Override
    public GroupedQuery members(int max) {
        if (max < 1 || max > MAX_MEMBERS) {
            throw Problem.INVALID_GROUP_MEMBERS.exception(max, MAX_MEMBERS);
        }
        return new GroupedQueryImpl(context, matches, filters, fingerprint, reader, max, position);
    }

    @Override
    public GroupedQuery after(String cursor) {
        return new GroupedQueryImpl(context, matches, filters, fingerprint, reader, members, cursor);
    }

    @Override
    public GroupPage page(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problem.INVALID_PAGE_SIZE.exception(size, MAX_PAGE_SIZE);
        }
        Keyset start = position == null ? null : context.cursors().decode(position, fingerprint);
        return context.unitOfWork().read(context.unit(), em -> read(em, start, size));
    }

    private GroupPage read(EntityManager em, Keyset start, int size) {
        List<Match> selected = matches.apply(em);
        if (selected.isEmpty()) {
            return new GroupPage(List.of(), null);
        }
        GroupRules rules = context.groups();
        Instant anchor = start != null ? start.timestamp() : context.clock().instant();
        Instant upper = start == null ? null : rules.bucketEndAfter(start.timestamp());
        long bucket = rules.fallback().bucketSeconds();
        Instant anchorBucket = alignDown(anchor, bucket);
        for (int step = 0; ; step++) {
            // The anchor's bucket, then 2, 4, … 64 buckets below it, then the whole history: each window costs at most
            // what the windows before it cost together.
            Instant windowStart = step < WINDOW_STEPS ? anchorBucket.minusSeconds(bucket * ((1L << step) - 1)) : null;
            boolean everything =
                    windowStart == null || (filters.since() != null && !windowStart.isAfter(filters.since()));
            GroupStatement statement = new GroupStatement(
                    context.dialects().of(em),
                    rules,
                    ActionSelection.of(
                            context.dialects().of(em),
                            selected,
                            filters,
                            null,
                            everything ? null : windowStart,
                            (user, parameters) -> context.positions().unreadIn(em, user, parameters)),
                    reader,
                    (user, parameters) -> context.positions().unreadExists(em, "r.action_id", user, parameters),
                    start,
                    upper,
                    size + 1,
                    members);
            List<GroupRow> groups = statement.run(em, context.unitOfWork());
            int whole = everything ? groups.size() : wholeGroups(groups, windowStart, rules);
            if (everything || whole > size) {
                return page(em, groups.subList(0, Math.min(whole, size + 1)), size);
            }
        }
    }

    /** How many of the groups, newest first, lie wholly in the window: up to the first whose bucket starts below it. */
    private static int wholeGroups(List<GroupRow> groups, Instant windowStart, GroupRules rules) {
        long start = windowStart.getEpochSecond();
        for (int i = 0; i < groups.size(); i++) {
            GroupRow group = groups.get(i);
            GroupRules.Rule rule = rules.of(group.verb());
            if (rule.by() != ReadGrouping.By.NONE && group.bucket() * rule.bucketSeconds() < start) {
                return i;
            }
        }
        return groups.size();
    }

    private GroupPage page(EntityManager em, List<GroupRow> groups, int size) {
        List<GroupRow> shown = groups.subList(0, Math.min(size, groups.size()));
        List<Long> ids = new ArrayList<>();
        shown.forEach(group -> ids.addAll(group.memberIds()));
        Map<Long, Action> loaded = new HashMap<>();
        for (Action action : context.loader().load(em, ids)) {
            loaded.put(action.id(), action);
        }
        List<ActionGroup> page = new ArrayList<>(shown.size());
        for (GroupRow group : shown) {
            List<Action> newest = new ArrayList<>(group.memberIds().size());
            group.memberIds().stream()
                    .map(loaded::get)
                    .filter(java.util.Objects::nonNull)
                    .forEach(newest::add);
            if (!newest.isEmpty()) {
                page.add(group.toGroup(newest, reader != null));
            }
        }
        String next = null;
        if (groups.size() > size) {
            GroupRow last = shown.get(shown.size() - 1);
            next = context.cursors().encode(new Keyset(last.newest(), last.newestId()), fingerprint);
        }
        return new GroupPage(page, next);
    }

    private static Instant alignDown(Instant instant, long seconds) {
        long epoch = instant.getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(epoch, seconds) * seconds);
    }

    /** One group as the statement returned it: its key, counts and the ids of its newest and its unread actions. */
    record GroupRow(
            String verb,
            String object,
            long bucket,
            Instant newest,
            long newestId,
            long count,
            long actors,
            long unread,
            long unseen,
            List<Long> memberIds,
            List<Long> unreadIds) {

        ActionGroup toGroup(List<Action> newestMembers, boolean withReader) {
            ObjectRef ref = object == null || object.isEmpty() || object.startsWith("#")
                    ? null
                    : PostgresNotifications.ownerOf(object);
            String key = verb + "|" + object + "|" + bucket;
            return new ActionGroup(
                    key,
                    verb,
                    ref,
                    newestMembers,
                    count,
                    actors,
                    newest,
                    withReader ? unread : 0,
                    !withReader || unseen == 0,
                    withReader ? unreadIds : List.of());
        }
    }

    /** Collects the statement's rows (one per member or unread action, groups in order) into groups. */
    static List<GroupRow> collect(List<Object[]> rows, int memberLimit) {
        Map<Long, GroupBuilder> byRank = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long rank = ((Number) row[12]).longValue();
            GroupBuilder group = byRank.computeIfAbsent(rank, r -> new GroupBuilder(row, memberLimit));
            long id = ((Number) row[9]).longValue();
            if (((Number) row[10]).longValue() <= group.memberLimit) {
                group.members.add(id);
            }
            if (((Number) row[11]).intValue() == 1) {
                group.unreadIds.add(id);
            }
        }
        return byRank.values().stream().map(GroupBuilder::build).toList();
    }

    private static final class GroupBuilder {
        private final Object[] first;
        private final long memberLimit;
        private final List<Long> members = new ArrayList<>();
        private final List<Long> unreadIds = new ArrayList<>();

        GroupBuilder(Object[] first, long memberLimit) {
            this.first = first;
            this.memberLimit = memberLimit;
        }

        GroupRow build() {
            return new GroupRow(
                    (String) first[0],
                    (String) first[1],
                    ((Number) first[2]).longValue(),
                    ActionSelection.instant(first[3]),
                    ((Number) first[4]).longValue(),
                    ((Number) first[5]).longValue(),
                    ((Number) first[6]).longValue(),
                    ((Number) first[7]).longValue(),
                    ((Number) first[8]).longValue(),
                    List.copyOf(members),
                    List.copyOf(unreadIds));
        }
    }
}
