package io.microcent.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Database transactions for Axon over a plain {@link DataSource}: Axon 4 ships a transaction manager for
 * Spring only. A transaction binds one connection to the current thread; every connection Axon (event
 * store, token store) or a projection's {@link #dsl()} asks for on that thread is that one, so the events
 * of a command, the read models updated by subscribing handlers and a tracking processor's token all
 * commit or roll back together. A transaction started while one is open joins it; the outermost one
 * commits. Outside a transaction each statement commits on its own.
 *
 * <p>Axon's {@code UnitOfWorkAwareConnectionProviderWrapper} would bind the connection to a unit of work
 * instead; it is not used because token claims are made outside any unit of work and need a real
 * transaction for their {@code SELECT … FOR UPDATE}.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {

    /** A transaction joined by a nested one: the outer transaction decides. */
    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final DSLContext dsl;

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
        this.dsl = DSL.using(new JooqConnections(), SQLDialect.POSTGRES);
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JOINED;
        }
        Connection connection = open();
        current.set(connection);
        return new Transaction() {
            @Override
            public void commit() {
                end(connection, true);
            }

            @Override
            public void rollback() {
                end(connection, false);
            }
        };
    }

    /** The current transaction's connection (closing it does nothing), or a pooled one in auto-commit. */
    @Override
    public Connection getConnection() throws SQLException {
        Connection inTransaction = current.get();
        if (inTransaction == null) {
            return dataSource.getConnection();
        }
        // Axon closes each connection after use; the transaction's must stay open until it ends.
        return ConnectionWrapperFactory.wrap(inTransaction, new ConnectionWrapperFactory.NoOpCloseHandler());
    }

    /** jOOQ on the same connections: inside a transaction its statements are part of it. */
    public DSLContext dsl() {
        return dsl;
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new JdbcException("could not start a database transaction", e);
        }
    }

    private void end(Connection connection, boolean commit) {
        current.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new JdbcException("could not " + (commit ? "commit" : "roll back") + " a database transaction", e);
        }
    }

    private final class JooqConnections implements org.jooq.ConnectionProvider {
        @Override
        public Connection acquire() {
            try {
                return getConnection();
            } catch (SQLException e) {
                throw new DataAccessException("could not get a database connection", e);
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new DataAccessException("could not release a database connection", e);
            }
        }
    }
}
