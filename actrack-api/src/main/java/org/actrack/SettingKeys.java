package org.actrack;

/**
 * Every configuration key of actrack, under the {@value #PREFIX} prefix. In a CDI application they are
 * read once at startup from MicroProfile Config; without CDI pass them to
 * {@link ActrackSettings#from(java.util.function.Function)} or use {@link ActrackSettings#builder()}.
 *
 * <p>django-actrack's {@code ACTIONS_ATTR}, {@code TRACKERS_ATTR} have no counterpart (Java has no
 * per-instance descriptors: use {@link ActionLog#actions(Object)} and {@link ActionLog#trackers(Object)});
 * its {@code DEFAULT_HANDLER} is replaced by a CDI alternative of the default handler bean.
 */
public final class SettingKeys {

    /** The prefix of every key. */
    public static final String PREFIX = "actrack.";

    /**
     * The JPA entity name of the only entity type that may own trackers and have a feed; unset (the
     * default) lets any entity own trackers. ({@code USER_MODEL})
     */
    public static final String USER_TYPE = PREFIX + "user-type";

    /**
     * The longest object id, in characters, that actrack stores; longer ids are rejected when logged or
     * tracked. Default {@value ActrackSettings#DEFAULT_ID_MAX_LENGTH} (a UUID fits), at most
     * {@value ActrackSettings#ID_COLUMN_LENGTH}. ({@code PK_MAXLENGTH})
     */
    public static final String ID_MAX_LENGTH = PREFIX + "id-max-length";

    /** Whether actions become unread for the users who track them. Default {@code true}. ({@code TRACK_UNREAD}) */
    public static final String TRACK_UNREAD = PREFIX + "track-unread";

    /**
     * Whether marking an action read takes effect; when {@code false} only a forced mark-read does.
     * Default {@code true}. ({@code AUTO_READ})
     */
    public static final String AUTO_READ = PREFIX + "auto-read";

    /**
     * Seconds within which an action is grouped into an earlier similar one: -1 never, 0 (the default)
     * only within the queue not yet written, more also with stored actions. ({@code GROUPING_DELAY})
     */
    public static final String GROUPING_DELAY = PREFIX + "grouping-delay";

    /**
     * The levels, replacing the defaults wholesale, as {@code NAME=value} pairs separated by commas.
     * Default {@code NULL=0,DEBUG=10,HIDDEN=20,INFO=30,WARNING=40,ERROR=50}. ({@code LEVELS})
     */
    public static final String LEVELS = PREFIX + "levels";

    /** The level of actions logged without one, as a value or a level name. Default 30 (INFO). ({@code DEFAULT_LEVEL}) */
    public static final String DEFAULT_LEVEL = PREFIX + "default-level";

    /**
     * Actions below this level never appear in feeds nor become unread; a value or a level name.
     * Default 30 (INFO). ({@code READABLE_LEVEL})
     */
    public static final String READABLE_LEVEL = PREFIX + "readable-level";

    /** The persistence unit actrack writes to when none is named; unset means actrack's default unit. ({@code using}) */
    public static final String PERSISTENCE_UNIT = PREFIX + "persistence-unit";

    /**
     * The secret that signs cursors ({@link ActionPage#nextCursor()}), so that a cursor cannot be altered,
     * forged, or used with another query; at least {@value ActrackSettings#MIN_CURSOR_SECRET_LENGTH} characters.
     * Unset (the default), a random secret is generated at startup: cursors then stop working at a restart and
     * on other nodes of a cluster. Set the same secret on every node for cursors that survive both. Not
     * django-actrack's (its feeds page by offset).
     */
    public static final String CURSOR_SECRET = PREFIX + "cursor-secret";

    /**
     * The PostgreSQL channel on which every transaction that stores actions or changes trackers notifies the other
     * nodes of a cluster ({@code NOTIFY}, delivered only if it commits), so that their live feeds learn of it at
     * once instead of at their next periodic read. Default {@code actrack}; empty turns it off. A letter or
     * underscore, then letters, digits or underscores, at most 63. Other databases have no {@code NOTIFY}: there,
     * other nodes' actions arrive by {@link #REST_POLL_SECONDS}.
     */
    public static final String NOTIFY_CHANNEL = PREFIX + "notify-channel";

    private SettingKeys() {
    }

    /** Whether actrack-rest's resources answer (when its jar is in the WAR). Default {@code true}. */
    public static final String REST_ENABLED = PREFIX + "rest.enabled";

    /**
     * The attribute of the {@link #USER_TYPE} entity that holds the caller's principal name, for actrack-rest's
     * default {@code RestUsers}. Default {@code name}.
     */
    public static final String REST_USER_ATTRIBUTE = PREFIX + "rest.user-attribute";

    /**
     * Whether actrack-rest serves object and type streams to every authenticated user when the application has
     * no {@code ActionVisibility} bean. Default {@code false}: without such a bean they answer 404.
     */
    public static final String REST_OPEN_STREAMS = PREFIX + "rest.open-streams";

    /**
     * How many live feeds (server-sent events) one user may hold open on one node; one more is refused with 429.
     * Default 5.
     */
    public static final String REST_MAX_LIVE_FEEDS = PREFIX + "rest.max-live-feeds";

    /**
     * Seconds between heartbeats (SSE comments) on an idle live feed, so proxies keep it open. Default 20.
     */
    public static final String REST_HEARTBEAT_SECONDS = PREFIX + "rest.heartbeat-seconds";

    /**
     * Seconds between reads of the open live feeds' new actions, for actions committed on other nodes (those of
     * this node are sent as they commit). Default 2; 0 turns the reads off (one node only).
     */
    public static final String REST_POLL_SECONDS = PREFIX + "rest.poll-seconds";

    /**
     * The origins, besides the application's own, from which pages may change a caller's state through
     * actrack-rest ({@code POST}, {@code PUT}, {@code DELETE}): a comma-separated list of
     * {@code scheme://host[:port]}. Default none: a state change whose {@code Origin} (or {@code Sec-Fetch-Site})
     * says it comes from another site is refused with 403.
     */
    public static final String REST_ALLOWED_ORIGINS = PREFIX + "rest.allowed-origins";

    /**
     * The challenge actrack-rest's 401 answers carry in {@code WWW-Authenticate}. Default
     * {@code Session realm="actrack"}: sign in through the application (a scheme no browser answers with a password
     * dialog); set {@code Bearer} or {@code Basic realm="…"} when callers authenticate so.
     */
    public static final String REST_CHALLENGE = PREFIX + "rest.challenge";

    /**
     * The JDBC URL of the one connection per node on which actrack-rest listens for other nodes' notifications on
     * PostgreSQL ({@link #NOTIFY_CHANNEL}), for example {@code jdbc:postgresql://db/app?user=app&password=…}. Unset,
     * the URL and user of the database actrack writes to are used (without a password: trust, peer or
     * {@code .pgpass} authentication); when that connection cannot be made, live feeds fall back to the periodic
     * read and the log says why once.
     */
    public static final String REST_LISTEN_URL = PREFIX + "rest.listen-url";
}
