package org.actrack.rest;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.rest.testing.LiveEvents;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live feed: actions that enter the caller's feed arrive once committed, in order, once each, and resume. */
class LiveFeedTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of());

    @Test
    void anActionEnteringTheFeedArrivesOnceCommittedThenTheUnreadCount() throws Exception {
        Member alice = server.persist(new Member("alice"));
        Train train = server.persist(new Train("12"));
        server.log().track(alice, train, actorOnly(false));
        try (LiveEvents events = server.as("alice").live()) {
            assertThat(events.status()).as(events.head()).isEqualTo(200);
            assertThat(events.next(Duration.ofSeconds(5))).as("the greeting").isNotNull();

            server.log().log(server.persist(new Member("driver")), "departed", targets(train));

            LiveEvents.Event action = events.nextNamed(Duration.ofSeconds(10));
            LiveEvents.Event unread = events.nextNamed(Duration.ofSeconds(10));
            assertThat(action).isNotNull();
            assertThat(action.name()).isEqualTo("action");
            assertThat(action.data()).contains("\"verb\":\"departed\"");
            assertThat(unread.name()).isEqualTo("unread");
            assertThat(unread.data()).isEqualTo("{\"unread\":1}");
        }
    }
}
