namespace Medic.Core.Model;

public enum ObservationStatus
{
    Ok,
    Error,
    Timeout,
}
