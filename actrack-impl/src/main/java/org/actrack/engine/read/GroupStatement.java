/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actrack.ObjectRef;
import org.actrack.ReadGrouping;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.sql.SqlDialect;

/**
 * The one statement of a grouped page, portable SQL with window functions (H2 2, PostgreSQL, MariaDB 10.6 alike), as
 * nested derived tables from the inside out:
 * <ol>
 * <li>the matching actions of the window, once each, with their group key (verb, grouping object as a reference key,
 * bucket number): the first target is read from the rows that matched (each carries it), the actor is looked up only
 * when the rows that matched do not name it;</li>
 * <li>per group its newest time and id; the groups after the position ranked newest first, the first {@code groups}
 * kept;</li>
 * <li>the actions of the kept groups only: their actor and, for a reader, whether each is unread and the reader's seen
 * position;</li>
 * <li>per kept group its counts, and each action's rank in it;</li>
 * <li>the distinct actors per group (actions ranked per group and actor);</li>
 * </ol>
 * and of those, the rows of each group's newest {@code members} actions and of its unread actions, in group and member
 * order.
 */
final class GroupStatement {

    private static final String GROUP = "verb, g_object, g_bucket";

    private final StringBuilder sql = new StringBuilder(2048);
    private final List<Object> parameters = new ArrayList<>();
    private final int members;

    /**
     * @param selection the query's condition, limited to the window's start
     * @param reader whose unread and seen state to count, or {@code null}
     * @param unread the condition that the action {@code r.action_id} is unread for the reader
     * @param position the position to read after, or {@code null} for the newest groups
     * @param upper the first instant not read (one bucket above the position), or {@code null} for none
     */
    GroupStatement(
            SqlDialect dialect,
            GroupRules rules,
            ActionSelection selection,
            ObjectRef reader,
            ActionSelection.UnreadCondition unread,
            Keyset position,
            Instant upper,
            int groups,
            int members) {
        this.members = members;
        String group = " OVER (PARTITION BY " + GROUP + ")";
        sql.append("SELECT verb, g_object, g_bucket, g_time, g_id, g_count, g_actors, g_unread, g_unseen,")
                .append(" action_id, member_rank, is_unread, g_rank FROM (")
                // 5. the distinct actors of each group
                .append("SELECT c.*, SUM(CASE WHEN actor_rank = 1 AND actor_key IS NOT NULL THEN 1 ELSE 0 END)")
                .append(group)
                .append(" AS g_actors FROM (")
                // 4. the counts of each chosen group, its members' ranks
                .append("SELECT s.*, COUNT(*)")
                .append(group)
                .append(" AS g_count, SUM(is_unread)")
                .append(group)
                .append(" AS g_unread, SUM(CASE WHEN is_unread = 1 AND (seen_at IS NULL OR action_time > seen_at)")
                .append(" THEN 1 ELSE 0 END)")
                .append(group)
                .append(" AS g_unseen, ROW_NUMBER() OVER (PARTITION BY " + GROUP)
                .append(" ORDER BY action_time DESC, action_id DESC) AS member_rank,")
                .append(" ROW_NUMBER() OVER (PARTITION BY " + GROUP + ", actor_key ORDER BY action_id) AS actor_rank")
                // 3. the actions of the chosen groups only: their actor and unread state
                .append(" FROM (SELECT r.action_id, r.action_time, r.verb, r.g_object, r.g_bucket, r.g_time, r.g_id,")
                .append(" r.g_rank, COALESCE(r.actor_match, ")
                .append(actor("r"))
                .append(") AS actor_key, ");
        if (reader == null) {
            sql.append("0 AS is_unread, ")
                    .append(dialect.timestampParameter("NULL"))
                    .append(" AS seen_at");
        } else {
            sql.append("CASE WHEN ")
                    .append(unread.sql(reader, parameters))
                    .append(" THEN 1 ELSE 0 END AS is_unread,")
                    .append(" (SELECT o.seen_at FROM actrack_tracker_owner o WHERE o.owner_key = ?) AS seen_at");
            parameters.add(reader.key());
        }
        // 2. the groups after the position, ranked newest first
        sql.append(" FROM (SELECT x.*, DENSE_RANK() OVER (ORDER BY g_time DESC, g_id DESC) AS g_rank FROM (")
                .append("SELECT k.*, MAX(action_time)")
                .append(group)
                .append(" AS g_time, MAX(action_id)")
                .append(group)
                .append(" AS g_id FROM (")
                // 1. the window's actions, once each, with their group keys
                .append("SELECT m.action_id, m.action_time, m.verb, m.actor_match, ");
        Map<GroupRules.Rule, List<String>> byRule = rules.verbsByRule();
        appendObject(rules, byRule);
        sql.append(" AS g_object, ");
        appendBucket(dialect, rules, byRule);
        // Every row names its action's first target; the rows that matched may name the actor: no lookup for those.
        sql.append(" AS g_bucket FROM (SELECT action_id, action_time, verb,")
                .append(" MAX(first_target_key) AS target_match,")
                .append(" MAX(CASE WHEN role = 'ACTOR' THEN ref_key END) AS actor_match")
                .append(" FROM actrack_action_ref WHERE ")
                .append(selection.where());
        parameters.addAll(selection.parameters());
        if (upper != null) {
            sql.append(" AND action_time < ?");
            parameters.add(utc(upper));
        }
        sql.append(" GROUP BY action_id, action_time, verb) m) k) x");
        if (position != null) {
            LocalDateTime time = utc(position.timestamp());
            sql.append(" WHERE g_time < ? OR (g_time = ? AND g_id < ?)");
            parameters.addAll(List.of(time, time, position.id()));
        }
        sql.append(") r WHERE g_rank <= ").append(groups).append(") s) c) t");
        sql.append(" WHERE member_rank <= ").append(members).append(" OR is_unread = 1");
        sql.append(" ORDER BY g_rank, member_rank");
    }

    List<GroupedQueryImpl.GroupRow> run(EntityManager em, UnitOfWork unitOfWork) {
        List<Object[]> rows = unitOfWork.nativeRows(em, sql.toString(), parameters);
        return GroupedQueryImpl.collect(rows, members);
    }

    /** The grouping object of each verb's rule, as a reference key; {@code ''} for none, {@code #id} ungrouped. */
    private void appendObject(GroupRules rules, Map<GroupRules.Rule, List<String>> byRule) {
        if (byRule.isEmpty()) {
            sql.append(object(rules.fallback().by()));
            return;
        }
        sql.append("CASE");
        byRule.forEach((rule, verbs) -> {
            sql.append(" WHEN m.verb");
            in(verbs);
            sql.append(" THEN ").append(object(rule.by()));
        });
        sql.append(" ELSE ").append(object(rules.fallback().by())).append(" END");
    }

    private void appendBucket(SqlDialect dialect, GroupRules rules, Map<GroupRules.Rule, List<String>> byRule) {
        if (byRule.isEmpty()) {
            sql.append(dialect.epochBucket("m.action_time", rules.fallback().bucketSeconds()));
            return;
        }
        sql.append("CASE");
        byRule.forEach((rule, verbs) -> {
            sql.append(" WHEN m.verb");
            in(verbs);
            sql.append(" THEN ")
                    .append(
                            rule.by() == ReadGrouping.By.NONE
                                    ? "0"
                                    : dialect.epochBucket("m.action_time", rule.bucketSeconds()));
        });
        sql.append(" ELSE ")
                .append(dialect.epochBucket("m.action_time", rules.fallback().bucketSeconds()))
                .append(" END");
    }

    private static String object(ReadGrouping.By by) {
        return switch (by) {
            case TARGET -> "COALESCE(m.target_match, '')";
            case ACTOR -> "COALESCE(m.actor_match, " + actor("m") + ", '')";
            case VERB -> "''";
            case NONE -> "CONCAT('#', m.action_id)";
        };
    }

    /** The key of the action's actor. */
    private static String actor(String table) {
        return "(SELECT g.ref_key FROM actrack_action_ref g WHERE g.action_id = " + table
                + ".action_id AND g.role = 'ACTOR' AND g.position = 0)";
    }

    private void in(List<String> verbs) {
        sql.append(" IN (").append("?, ".repeat(verbs.size() - 1)).append("?)");
        parameters.addAll(verbs);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
