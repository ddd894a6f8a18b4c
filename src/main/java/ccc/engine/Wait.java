package ccc.engine;

import ccc.client.Poll;
import java.time.Duration;

/**
 * How a command waits for the state that follows a change: how long and how often it looks, and
 * how long the state must hold before it counts.
 */
public record Wait(Poll poll, Duration settle) {
}
