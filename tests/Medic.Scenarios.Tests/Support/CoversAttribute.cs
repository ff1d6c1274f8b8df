namespace Medic.Scenarios.Tests.Support;

/// <summary>
/// Marks a scenario test as covering catalog causes (<c>problem-id/cause-id</c>, as in
/// <c>shared/catalog/seed-problems.yaml</c>). The README's coverage table counts these.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversAttribute(string cause) : Attribute
{
    public string Cause { get; } = cause;
}
