package io.microcent.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds currently free TCP ports on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct free ports. All sockets are held open until every port is
     * chosen, so the operating system cannot hand out the same port twice in one call. There is
     * still a short window between closing and the server binding; that is acceptable for a
     * single-machine embedded setup.
     */
    public static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing useful to do: the port is released either way when the socket is gone
                }
            }
        }
    }
}
