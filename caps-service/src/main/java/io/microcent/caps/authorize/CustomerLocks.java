package io.microcent.caps.authorize;

import io.microcent.model.id.CustomerId;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per customer (striped: a fixed set of locks, customers hashed onto them, so memory does not
 * grow with customers). Authorizations of one customer, and the counting of its usage that settles
 * reservations, run one at a time under it; different customers rarely wait for each other.
 */
public final class CustomerLocks {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public CustomerLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T call(CustomerId customer, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(customer.raw().hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(CustomerId customer, Runnable action) {
        call(customer, () -> {
            action.run();
            return null;
        });
    }
}
