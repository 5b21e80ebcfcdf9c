package io.microcent.deploy.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Kafka node is ready when, asked through its own listener, the cluster counts every node registered. */
final class BrokerReadiness {

    private BrokerReadiness() {
    }

    static boolean registered(String address, int nodes) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS).size() >= nodes;
        } catch (Exception notYet) {
            return false;
        }
    }
}
