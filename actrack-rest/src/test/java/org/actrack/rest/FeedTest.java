package org.actrack.rest;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of());

    @Test
    void feedShowsTheActionsOfWhatTheCallerFollows() {
        Member alice = server.persist(new Member("alice"));
        Train train = server.persist(new Train("12"));
        server.log().track(alice, train, org.actrack.Options.actorOnly(false));
        server.log().log(alice, "boarded", targets(train));

        var feed = server.as("alice").get("activity/feed");

        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.json().getJsonArray("items")).hasSize(1);
    }
}
