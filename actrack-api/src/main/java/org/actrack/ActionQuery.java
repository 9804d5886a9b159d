package org.actrack;

import java.time.Instant;
import java.util.List;

/**
 * A query over actions: immutable, every filter returns a new query. Results come newest first by
 * (timestamp, id), a page at a time with keyset paging (never offsets), so the thousandth page costs
 * what the first does.
 *
 * <pre>{@code
 * ActionPage page = log.actions(user).feed().verbs("arrived").since(yesterday).page(20);
 * ActionPage next = log.actions(user).feed().verbs("arrived").since(yesterday).after(page.nextCursor()).page(20);
 * }</pre>
 */
public interface ActionQuery {

    /** Only actions with one of these verbs. Calling it again replaces the verbs. */
    ActionQuery verbs(String... verbs);

    /** Only actions at or above this level. Feeds never go below the readable level. */
    ActionQuery minLevel(int level);

    /** Only actions at or above the named level; an unknown name is an {@link ActrackException}. */
    ActionQuery minLevel(String levelName);

    /** Only actions at or after this instant (inclusive). */
    ActionQuery since(Instant since);

    /** Only actions strictly before this instant. */
    ActionQuery until(Instant until);

    /** Only actions unread for the user. */
    ActionQuery unreadFor(Object user);

    /**
     * Continues after the page whose {@link ActionPage#nextCursor()} is given; {@code null} starts at
     * the newest action. A cursor that actrack did not produce is an {@link ActrackException}.
     */
    ActionQuery after(String cursor);

    /** The next {@code size} actions (1 to 1000) and the cursor of the page after them. */
    ActionPage page(int size);

    /** The first {@code limit} actions; a shortcut for {@code page(limit).actions()}. */
    default List<Action> list(int limit) {
        return page(limit).actions();
    }

    /** How many actions the query matches, ignoring the cursor. */
    long count();
}
