/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.tracking;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.actrack.ActionHandler;
import org.actrack.ObjectRef;
import org.actrack.engine.model.Role;
import org.actrack.engine.sql.SqlDialect;

/**
 * Actions unread by position ({@link ActionHandler#unreadByPosition()}): which verbs are, and the SQL that says for
 * whom such an action is unread. Writing one stores one {@code actrack_broadcast} row, not a mark per follower; it is
 * unread for a user when one of the user's trackers created no later than it matches one of its references (instance
 * or whole type, actor-only and verbs honoured, as for a mark), it is newer than the user's read position
 * ({@code actrack_tracker_owner.read_at}) and the user has no {@code actrack_read_mark} for it.
 *
 * <p>That relation, pairs of (user, action), is written in one place ({@link #branches}) as two plain joins: the
 * instance trackers through {@code actrack_action_ref}'s {@code ref_key} and the whole-type trackers through its
 * {@code ref_type}, each an equality the database serves by index (an {@code OR} in one join would not be). Every read
 * of unread state adds it to the marks' own condition, only while {@link #inUse} says some action may be unread by
 * position, so that applications without such verbs read exactly what they read before.
 */
public final class PositionUnread {

    private final Function<String, ActionHandler> handlers;
    private final Set<String> handlerVerbs;
    private volatile Set<String> verbs;
    private volatile boolean stored;

    /**
     * @param handlers the handler of each verb
     * @param handlerVerbs the verbs that have a handler of their own: the only ones asked
     */
    public PositionUnread(Function<String, ActionHandler> handlers, Collection<String> handlerVerbs) {
        this.handlers = handlers;
        this.handlerVerbs = new TreeSet<>(handlerVerbs);
    }

    /** Whether actions of the verb are unread by position: its handler's answer, asked once. */
    public boolean appliesTo(String verb) {
        return verbs().contains(verb);
    }

    /**
     * Whether an action may be unread by position: a verb is (handlers are asked at the first call, when they are
     * usable), or, once per engine, the database holds such actions from an earlier configuration.
     */
    public boolean inUse(EntityManager em) {
        if (stored || !verbs().isEmpty()) {
            return true;
        }
        stored = !em.createQuery("SELECT b.actionId FROM ActrackBroadcast b", Long.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        return stored;
    }

    /** Notes that an action unread by position was written: reads count such actions from now on. */
    void written() {
        stored = true;
    }

    private Set<String> verbs() {
        Set<String> known = verbs;
        if (known == null) {
            Set<String> asked = new TreeSet<>();
            for (String verb : handlerVerbs) {
                if (handlers.apply(verb).unreadByPosition()) {
                    asked.add(verb);
                }
            }
            known = Set.copyOf(asked);
            verbs = known;
        }
        return known;
    }

    /** A condition of a statement, appending its parameters (plain {@code ?} placeholders) in the order of its text. */
    @FunctionalInterface
    public interface Condition {
        String sql(List<Object> parameters);

        /** The condition that {@code column} is the user's key. */
        static Condition ownerIs(String column, ObjectRef user) {
            return parameters -> {
                parameters.add(user.key());
                return column + " = ?";
            };
        }

        /** No condition. */
        Condition NONE = parameters -> "1 = 1";
    }

    /**
     * The two selects of the pairs (user, action) unread by position, each with columns {@code owner_key},
     * {@code action_id} and {@code action_time}, restricted by {@code owners} (over {@code pt.owner_key}) and
     * {@code actions} (over {@code pb.action_id}, {@code pb.action_time}, and the owner's row {@code po}); an action may
     * appear more than once.
     */
    List<String> branches(Condition owners, Condition actions, List<Object> parameters) {
        return branches("", owners, actions, parameters);
    }

    private static List<String> branches(
            String modifier, Condition owners, Condition actions, List<Object> parameters) {
        return List.of(
                branch(modifier, "ref_key", owners, actions, parameters),
                branch(modifier, "ref_type", owners, actions, parameters));
    }

    private static String branch(
            String modifier, String refColumn, Condition owners, Condition actions, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(modifier)
                .append("pt.owner_key AS owner_key, pb.action_id AS action_id, pb.action_time AS action_time")
                .append(" FROM actrack_tracker pt LEFT JOIN actrack_tracker_owner po ON po.owner_key = pt.owner_key")
                .append(" JOIN actrack_action_ref pr ON pr.")
                .append(refColumn)
                // The later of the tracker's start and the read position bounds the object's index range: a user who
                // marks all read counts the object's actions since then, not its whole history since the tracker.
                .append(" = pt.tracked_key AND pr.action_time >= CASE WHEN po.read_at > pt.created_at")
                .append(" THEN po.read_at ELSE pt.created_at END")
                .append(" JOIN actrack_broadcast pb ON pb.action_id = pr.action_id WHERE ")
                .append(owners.sql(parameters))
                .append(" AND ")
                .append(actions.sql(parameters))
                .append(" AND (pt.actor_only = FALSE OR pr.role = '")
                .append(Role.ACTOR.name())
                .append("') AND pr.action_time >= pt.created_at")
                .append(" AND (po.read_at IS NULL OR pr.action_time > po.read_at)")
                .append(" AND (NOT EXISTS (SELECT 1 FROM actrack_tracker_verb pv WHERE pv.tracker_id = pt.id)")
                .append(" OR EXISTS (SELECT 1 FROM actrack_tracker_verb pv WHERE pv.tracker_id = pt.id")
                .append(" AND pv.verb = pr.verb))")
                .append(" AND NOT EXISTS (SELECT 1 FROM actrack_read_mark pm WHERE pm.owner_key = pt.owner_key")
                .append(" AND pm.action_id = pb.action_id)");
        return sql.toString();
    }

    /**
     * The pairs of some users as one derived table's select: both branches, {@code UNION ALL}, each read from the users'
     * trackers first ({@link SqlDialect#inWrittenOrder()}).
     */
    public String pairs(SqlDialect dialect, Condition owners, Condition actions, List<Object> parameters) {
        return String.join(" UNION ALL ", branches(dialect.inWrittenOrder(), owners, actions, parameters));
    }

    /**
     * The condition that the outer statement's {@code action_id} (unqualified) is unread for the user: it has a mark,
     * or, while {@link #inUse}, it is unread by position.
     */
    public String unreadIn(EntityManager em, ObjectRef user, List<Object> parameters) {
        StringBuilder sql =
                new StringBuilder("(action_id IN (SELECT u.action_id FROM actrack_unread u WHERE u.owner_key = ?)");
        parameters.add(user.key());
        if (inUse(em)) {
            for (String branch : branches(Condition.ownerIs("pt.owner_key", user), Condition.NONE, parameters)) {
                sql.append(" OR action_id IN (SELECT p.action_id FROM (")
                        .append(branch)
                        .append(") p)");
            }
        }
        return sql.append(')').toString();
    }

    /**
     * The condition that the action of {@code actionColumn} (qualified by the outer statement's alias) is unread for the
     * user, as correlated {@code EXISTS}: it has a mark, or, while {@link #inUse}, it is unread by position.
     */
    public String unreadExists(EntityManager em, String actionColumn, ObjectRef user, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("(EXISTS (SELECT 1 FROM actrack_unread u WHERE u.owner_key = ?")
                .append(" AND u.action_id = ")
                .append(actionColumn)
                .append(')');
        parameters.add(user.key());
        if (inUse(em)) {
            for (String branch : branches(
                    Condition.ownerIs("pt.owner_key", user), ignored -> "pb.action_id = " + actionColumn, parameters)) {
                sql.append(" OR EXISTS (").append(branch).append(')');
            }
        }
        return sql.append(')').toString();
    }
}
