package org.actrack.engine;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.actrack.engine.model.Role;

/**
 * The JPQL condition over {@code ActrackActionRef r} for some matches and filters, with its parameters.
 *
 * <p>Matches that differ only in their object are folded into one {@code IN} list, so a feed of a user
 * with a hundred trackers is a handful of index range scans on {@code (ref_key, action_time, action_id)}
 * (or {@code ref_type} for whole types), not a hundred OR-ed conditions.
 */
final class ActionSelection {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();

    private ActionSelection() {
    }

    static ActionSelection of(List<Match> matches, ActionFilters filters, Keyset after) {
        return of(matches, filters, after, null);
    }

    /**
     * The condition, limited to actions at or after {@code windowStart} when it is given: each key's index
     * range then starts there instead of at the oldest action.
     */
    static ActionSelection of(List<Match> matches, ActionFilters filters, Keyset after, java.time.Instant windowStart) {
        ActionSelection selection = new ActionSelection();
        selection.addMatches(matches);
        selection.addFilters(filters);
        if (after != null) {
            selection.where.append(" AND (r.timestamp < :afterTime OR (r.timestamp = :afterTime AND r.actionId < :afterId))");
            selection.parameters.put("afterTime", after.timestamp());
            selection.parameters.put("afterId", after.id());
        }
        if (windowStart != null) {
            selection.where.append(" AND r.timestamp >= :windowStart");
            selection.parameters.put("windowStart", windowStart);
        }
        return selection;
    }

    String where() {
        return where.toString();
    }

    void bind(Query query) {
        parameters.forEach(query::setParameter);
    }

    private void addMatches(List<Match> matches) {
        Map<Shape, List<String>> groups = new LinkedHashMap<>();
        for (Match match : matches) {
            boolean wholeType = match.ref().isWholeType();
            groups.computeIfAbsent(new Shape(wholeType, match.roles(), match.verbs()), shape -> new ArrayList<>())
                    .add(wholeType ? match.ref().type() : match.ref().key());
        }
        where.append('(');
        int index = 0;
        for (Map.Entry<Shape, List<String>> group : groups.entrySet()) {
            Shape shape = group.getKey();
            if (index > 0) {
                where.append(" OR ");
            }
            where.append(shape.wholeType() ? "(r.type IN :objects" : "(r.key IN :objects").append(index);
            parameters.put("objects" + index, group.getValue().stream().distinct().toList());
            if (!shape.roles().containsAll(Match.ANY_ROLE)) {
                where.append(" AND r.role IN :roles").append(index);
                parameters.put("roles" + index, List.copyOf(shape.roles()));
            }
            if (!shape.verbs().isEmpty()) {
                where.append(" AND r.verb IN :verbs").append(index);
                parameters.put("verbs" + index, List.copyOf(shape.verbs()));
            }
            where.append(')');
            index++;
        }
        where.append(')');
    }

    private void addFilters(ActionFilters filters) {
        if (!filters.verbs().isEmpty()) {
            where.append(" AND r.verb IN :verbs");
            parameters.put("verbs", List.copyOf(filters.verbs()));
        }
        if (filters.minLevel() != null) {
            where.append(" AND r.level >= :minLevel");
            parameters.put("minLevel", filters.minLevel());
        }
        if (filters.since() != null) {
            where.append(" AND r.timestamp >= :since");
            parameters.put("since", filters.since());
        }
        if (filters.unreadFor() != null) {
            where.append(" AND r.actionId IN (SELECT u.actionId FROM ActrackUnread u WHERE u.ownerKey = :unreadOwner)");
            parameters.put("unreadOwner", filters.unreadFor().key());
        }
        if (filters.until() != null) {
            where.append(" AND r.timestamp < :until");
            parameters.put("until", filters.until());
        }
    }

    private record Shape(boolean wholeType, Set<Role> roles, Set<String> verbs) {
        Shape {
            Objects.requireNonNull(roles);
        }
    }
}
