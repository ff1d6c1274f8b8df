namespace Medic.Core.Conditions;

/// <summary>Finds the maximal literal paths from free roots, in order of appearance, once each.</summary>
internal sealed class PathCollector
{
    private readonly List<PathReference> _paths = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public static IReadOnlyList<PathReference> Collect(Node root)
    {
        var collector = new PathCollector();
        collector.Visit(root);
        return collector._paths;
    }

    private void Visit(Node node)
    {
        if (TryPath(node) is { } path)
        {
            if (_seen.Add(path.Text))
            {
                _paths.Add(path);
            }

            return;
        }

        switch (node)
        {
            case MemberNode member:
                Visit(member.Target);
                break;
            case IndexNode index:
                Visit(index.Target);
                Visit(index.Index);
                break;
            case ListNode list:
                list.Items.ToList().ForEach(Visit);
                break;
            case CallNode call:
                call.Args.ToList().ForEach(Visit);
                break;
            case LambdaNode lambda:
                Visit(lambda.Body);
                break;
            case UnaryNode unary:
                Visit(unary.Operand);
                break;
            case BinaryNode binary:
                Visit(binary.Left);
                Visit(binary.Right);
                break;
        }
    }

    private static PathReference? TryPath(Node node)
    {
        var steps = new List<PathStep>();
        while (true)
        {
            switch (node)
            {
                case RootNode root:
                    steps.Reverse();
                    return new PathReference(root.Name, steps, root.Line, root.Column);
                case MemberNode member:
                    steps.Add(new PathStep(member.Name, 0));
                    node = member.Target;
                    break;
                case IndexNode { Index: LiteralNode { Value.Kind: ValueKind.String } key } index:
                    steps.Add(new PathStep(key.Value.Text, 0));
                    node = index.Target;
                    break;
                case IndexNode { Index: LiteralNode { Value.Kind: ValueKind.Number } number } index
                    when number.Value.Number == Math.Floor(number.Value.Number) && Math.Abs(number.Value.Number) <= int.MaxValue:
                    steps.Add(new PathStep(null, (int)number.Value.Number));
                    node = index.Target;
                    break;
                default:
                    return null;
            }
        }
    }
}
