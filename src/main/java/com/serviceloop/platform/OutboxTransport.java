package com.serviceloop.platform;

/** Sends the outbox messages of one channel; a module that needs a channel of its own implements it. */
public interface OutboxTransport {

    String channel();

    /** False while the channel cannot send (no mail server configured): its messages wait. */
    default boolean ready() {
        return true;
    }

    /** Sends the message or throws, in which case it is retried later. */
    void deliver(Outbox.Item item) throws Exception;
}
