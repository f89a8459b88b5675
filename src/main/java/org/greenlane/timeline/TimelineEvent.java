package org.greenlane.timeline;

import java.time.Instant;

public record TimelineEvent(Instant at, String type, String actor, String detail) {
}
