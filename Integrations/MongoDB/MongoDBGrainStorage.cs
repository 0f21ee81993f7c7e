using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Shop.Integrations.MongoDB;

/// <summary>
/// An Orleans grain storage on MongoDB: one collection per state name, one document per grain (see
/// <see cref="StateDocument"/>), optimistic concurrency on the <c>_etag</c> field. A write or clear whose etag is
/// not the stored one throws <see cref="InconsistentStateException"/>; clearing deletes the document.
/// </summary>
public sealed partial class MongoDBGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly MongoDBGrainStorageOptions _options;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<MongoDBGrainStorage> _logger;
    private readonly BsonStateSerializer _serializer;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Lazy<Task<IMongoCollection<BsonDocument>>>> _collections = new(StringComparer.Ordinal);
    private IMongoDatabase? _database;

    /// <summary>Creates the storage; it connects when the silo starts.</summary>
    public MongoDBGrainStorage(
        string name, MongoDBGrainStorageOptions options, IActivatorProvider activators, ILogger<MongoDBGrainStorage> logger, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _name = name;
        _options = options;
        _activators = activators;
        _logger = logger;
        _serializer = new BsonStateSerializer(options.SerializerOptions);
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(OptionFormattingUtilities.Name<MongoDBGrainStorage>(_name), _options.InitStage, Start);
    }

    /// <summary>Connects and creates the collections and indexes of the configured state names.</summary>
    public async Task Start(CancellationToken cancellationToken)
    {
        _database = new MongoClient(_options.ConnectionString).GetDatabase(_options.DatabaseName);
        await Task.WhenAll(_options.StateNames.Select(CollectionAsync));
        LogStarted(_name, _options.DatabaseName, string.Join(", ", _options.StateNames));
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var collection = await CollectionAsync(stateName);
        var document = await collection.Find(StateDocument.ById(StorageKeys.DocumentId(grainId))).FirstOrDefaultAsync();
        if (document is null)
        {
            Reset(grainState);
            return;
        }

        grainState.State = _serializer.Deserialize<T>(document[StateDocument.State]) ?? NewState<T>();
        grainState.ETag = StateDocument.ETagOf(document);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var collection = await CollectionAsync(stateName);
        var id = StorageKeys.DocumentId(grainId);
        var etag = Guid.NewGuid().ToString("N");
        var document = StateDocument.Create(id, StorageKeys.GrainType(grainId), etag, _serializer.Serialize(grainState.State), _clock.GetUtcNow());
        if (grainState.ETag is null)
        {
            await InsertAsync(collection, document, stateName, grainId);
        }
        else
        {
            var replaced = await collection.ReplaceOneAsync(StateDocument.ByIdAndETag(id, grainState.ETag), document);
            if (replaced.MatchedCount == 0)
            {
                throw Conflict("write", stateName, grainId, grainState.ETag);
            }
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var collection = await CollectionAsync(stateName);
        var id = StorageKeys.DocumentId(grainId);
        if (grainState.ETag is { } etag)
        {
            var deleted = await collection.DeleteOneAsync(StateDocument.ByIdAndETag(id, etag));
            if (deleted.DeletedCount == 0)
            {
                throw Conflict("clear", stateName, grainId, etag);
            }
        }
        else if (await collection.Find(StateDocument.ById(id)).AnyAsync())
        {
            // The grain believes nothing is stored, yet another writer stored something: clearing it blind would lose it.
            throw Conflict("clear", stateName, grainId, null);
        }

        Reset(grainState);
    }

    private async Task InsertAsync(IMongoCollection<BsonDocument> collection, BsonDocument document, string stateName, GrainId grainId)
    {
        try
        {
            await collection.InsertOneAsync(document);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw Conflict("write", stateName, grainId, null);
        }
    }

    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = NewState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T NewState<T>() => _activators.GetActivator<T>().Create();

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict on {operation}: storage {_name}, state {stateName}, grain {grainId}, etag {etag ?? "(none)"} is not the stored one.");

    private Task<IMongoCollection<BsonDocument>> CollectionAsync(string stateName)
    {
        var name = StorageKeys.Collection(_options.CollectionPrefix, stateName);
        var prepared = _collections.GetOrAdd(name, key => new Lazy<Task<IMongoCollection<BsonDocument>>>(() => PrepareAsync(key)));
        if (prepared.Value.IsFaulted)
        {
            // Do not keep a failure (the server was down): the next call tries again.
            _collections.TryRemove(new KeyValuePair<string, Lazy<Task<IMongoCollection<BsonDocument>>>>(name, prepared));
        }

        return prepared.Value;
    }

    private async Task<IMongoCollection<BsonDocument>> PrepareAsync(string name)
    {
        var database = _database ?? throw new InvalidOperationException($"MongoDB grain storage '{_name}' is used before the silo started it.");
        var collection = database.GetCollection<BsonDocument>(name);
        // For people and tools browsing by grain type and recency; reads and writes go by _id.
        var keys = Builders<BsonDocument>.IndexKeys.Ascending(StateDocument.GrainType).Descending(StateDocument.Modified);
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(keys, new CreateIndexOptions { Name = "grainType_modified" }));
        return collection;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MongoDB grain storage {Name} started on database {Database} (collections prepared for {StateNames}).")]
    private partial void LogStarted(string name, string database, string stateNames);
}
