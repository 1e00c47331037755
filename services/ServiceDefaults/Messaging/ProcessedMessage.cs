namespace Ordre.ServiceDefaults.Messaging;

/// <summary>
/// A message a consumer has applied, stored in the consumer's own schema in the same transaction as
/// its effect. Its id is the MassTransit message id (the publisher's domain event id).
/// </summary>
public sealed record ProcessedMessage(Guid Id, string MessageType, string Consumer, DateTimeOffset ProcessedAt);
