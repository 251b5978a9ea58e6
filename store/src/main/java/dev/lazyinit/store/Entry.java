package dev.lazyinit.store;

import java.time.Instant;

/**
 * One stored entry.
 *
 * @param id the database id
 * @param body the text
 * @param createdAt when the server stored it
 */
public record Entry(long id, String body, Instant createdAt) {
}
