package io.microcent.console.pages.usage;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A page's independent API calls made at the same time, each on a virtual thread: the page takes as long as its
 * slowest call, not their sum. A call's failure (an {@code ApiProblem}) is rethrown as it was thrown.
 */
public final class Concurrently implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public <T> Future<T> start(Callable<T> call) {
        return threads.submit(call);
    }

    public static <T> T result(Future<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the API", e);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
