using System.Runtime.InteropServices;
using System.Text;

namespace Shop.Integrations.Kafka.Testing;

/// <summary>
/// librdkafka's built-in mock Kafka cluster, hosted in this process on loopback sockets, for development and tests
/// where no broker can be installed. Ordinary clients (in this or another process) connect to
/// <see cref="BootstrapServers"/>. Topics are created through the mock's C API because the Admin API's CreateTopics
/// times out against the mock; the calls go to the very librdkafka build Confluent.Kafka loaded.
/// </summary>
public sealed unsafe class MockKafkaCluster : IDisposable
{
    private const int ProducerType = 0;
    private readonly Native native;
    private nint handle;

    private MockKafkaCluster(Native native, nint handle, nint cluster, int brokers)
    {
        this.native = native;
        this.handle = handle;
        Cluster = cluster;
        Brokers = brokers;
        BootstrapServers = Marshal.PtrToStringUTF8(native.Bootstraps(cluster)) ?? throw new InvalidOperationException("The mock cluster has no bootstrap list.");
    }

    /// <summary>The <c>host:port</c> list clients use as <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers (ids 1..Brokers).</summary>
    public int Brokers { get; }

    private nint Cluster { get; }

    /// <summary>Starts a mock cluster of <paramref name="brokers"/> brokers.</summary>
    public static MockKafkaCluster Start(int brokers = 3)
    {
        var native = Native.Load();
        var conf = native.ConfNew();
        Set(native, conf, "test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(native, conf, "log_level", "3");
        var errors = new byte[512];
        nint rk;
        fixed (byte* error = errors)
        {
            rk = native.New(ProducerType, conf, error, (nuint)errors.Length);
        }

        if (rk == 0)
        {
            throw new InvalidOperationException($"librdkafka could not start the mock cluster: {Text(errors)}");
        }

        var cluster = native.HandleMockCluster(rk);
        // Consumer groups would otherwise wait 3 s before their first rebalance.
        native.InitialRebalanceDelay(cluster, 0);
        return new MockKafkaCluster(native, rk, cluster, brokers);
    }

    /// <summary>Creates a topic (a no-op error code when it exists is ignored).</summary>
    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        var name = Marshal.StringToCoTaskMemUTF8(topic);
        try
        {
            var error = native.TopicCreate(Cluster, name, partitions, replicationFactor);
            const int topicAlreadyExists = 36;
            if (error != 0 && error != topicAlreadyExists)
            {
                throw new InvalidOperationException($"The mock cluster could not create topic {topic}: librdkafka error {error}.");
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    /// <summary>Takes broker <paramref name="brokerId"/> down (connections refused) until <see cref="BrokerUp"/>.</summary>
    public void BrokerDown(int brokerId) => Check(native.BrokerSetDown(Cluster, brokerId), $"take broker {brokerId} down");

    /// <summary>Brings broker <paramref name="brokerId"/> back.</summary>
    public void BrokerUp(int brokerId) => Check(native.BrokerSetUp(Cluster, brokerId), $"bring broker {brokerId} up");

    /// <summary>
    /// Makes broker <paramref name="brokerId"/> the leader of a partition, so a test knows which broker's outage
    /// stops that partition's reads and writes. Clients learn the new leader from their next metadata refresh.
    /// </summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        var name = Marshal.StringToCoTaskMemUTF8(topic);
        try
        {
            Check(native.PartitionSetLeader(Cluster, name, partition, brokerId), $"make broker {brokerId} the leader of {topic}[{partition}]");
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var rk = Interlocked.Exchange(ref handle, 0);
        if (rk != 0)
        {
            native.Destroy(rk);
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"The mock cluster could not {what}: librdkafka error {error}.");
        }
    }

    private static void Set(Native native, nint conf, string name, string value)
    {
        var errors = new byte[512];
        var n = Marshal.StringToCoTaskMemUTF8(name);
        var v = Marshal.StringToCoTaskMemUTF8(value);
        try
        {
            fixed (byte* error = errors)
            {
                if (native.ConfSet(conf, n, v, error, (nuint)errors.Length) != 0)
                {
                    throw new InvalidOperationException($"librdkafka refused {name}={value}: {Text(errors)}");
                }
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(n);
            Marshal.FreeCoTaskMem(v);
        }
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes, 0, Math.Max(0, Array.IndexOf(bytes, (byte)0)));

    /// <summary>The C functions, bound to the librdkafka file Confluent.Kafka loaded (the bundled build, not a system one).</summary>
    private sealed class Native
    {
        public delegate* unmanaged<nint> ConfNew;
        public delegate* unmanaged<nint, nint, nint, byte*, nuint, int> ConfSet;
        public delegate* unmanaged<int, nint, byte*, nuint, nint> New;
        public delegate* unmanaged<nint, void> Destroy;
        public delegate* unmanaged<nint, nint> HandleMockCluster;
        public delegate* unmanaged<nint, nint> Bootstraps;
        public delegate* unmanaged<nint, nint, int, int, int> TopicCreate;
        public delegate* unmanaged<nint, int, void> InitialRebalanceDelay;
        public delegate* unmanaged<nint, int, int> BrokerSetDown;
        public delegate* unmanaged<nint, int, int> BrokerSetUp;
        public delegate* unmanaged<nint, nint, int, int, int> PartitionSetLeader;

        public static Native Load()
        {
            if (!Confluent.Kafka.Library.IsLoaded)
            {
                Confluent.Kafka.Library.Load();
            }

            var library = NativeLibrary.Load(LoadedPath());
            return new Native
            {
                ConfNew = (delegate* unmanaged<nint>)NativeLibrary.GetExport(library, "rd_kafka_conf_new"),
                ConfSet = (delegate* unmanaged<nint, nint, nint, byte*, nuint, int>)NativeLibrary.GetExport(library, "rd_kafka_conf_set"),
                New = (delegate* unmanaged<int, nint, byte*, nuint, nint>)NativeLibrary.GetExport(library, "rd_kafka_new"),
                Destroy = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "rd_kafka_destroy"),
                HandleMockCluster = (delegate* unmanaged<nint, nint>)NativeLibrary.GetExport(library, "rd_kafka_handle_mock_cluster"),
                Bootstraps = (delegate* unmanaged<nint, nint>)NativeLibrary.GetExport(library, "rd_kafka_mock_cluster_bootstraps"),
                TopicCreate = (delegate* unmanaged<nint, nint, int, int, int>)NativeLibrary.GetExport(library, "rd_kafka_mock_topic_create"),
                InitialRebalanceDelay = (delegate* unmanaged<nint, int, void>)NativeLibrary.GetExport(library, "rd_kafka_mock_group_initial_rebalance_delay_ms"),
                BrokerSetDown = (delegate* unmanaged<nint, int, int>)NativeLibrary.GetExport(library, "rd_kafka_mock_broker_set_down"),
                BrokerSetUp = (delegate* unmanaged<nint, int, int>)NativeLibrary.GetExport(library, "rd_kafka_mock_broker_set_up"),
                PartitionSetLeader = (delegate* unmanaged<nint, nint, int, int, int>)NativeLibrary.GetExport(library, "rd_kafka_mock_partition_set_leader"),
            };
        }

        /// <summary>The path of the librdkafka file mapped into this process (Linux: /proc/self/maps).</summary>
        private static string LoadedPath()
        {
            const string maps = "/proc/self/maps";
            var path = File.Exists(maps)
                ? File.ReadLines(maps).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length >= 6).Select(f => f[^1]).FirstOrDefault(p => p.Contains("librdkafka", StringComparison.Ordinal))
                : null;
            return path ?? throw new InvalidOperationException("librdkafka is not loaded in this process; the mock cluster needs Confluent.Kafka's native library on Linux.");
        }
    }
}
