using Medic.Logs.Bench;

// Loghub accuracy:  dotnet run -c Release --project bench/Medic.Logs.Bench -- accuracy ../shared/loghub [--dump DIR] [--redact]
// Throughput:       dotnet run -c Release --project bench/Medic.Logs.Bench -- throughput FILE SIZE_MB [--keep]
// End to end:       dotnet run -c Release --project bench/Medic.Logs.Bench -- e2e FILE SIZE_MB [--keep] [--progress] [--stage read|records|records-mine…]
// Generate only:    dotnet run -c Release --project bench/Medic.Logs.Bench -- generate FILE SIZE_MB
var mode = args.Length > 0 ? args[0] : "accuracy";
return mode switch
{
    "accuracy" => AccuracyRun.Run(args[1..]),
    "throughput" => Throughput.Run(args[1..]),
    "e2e" => EndToEnd.Run(args[1..]),
    "generate" when args.Length == 3 => Generate(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    _ => AccuracyRun.Run(args), // old form: the Loghub folder as the only argument
};

static int Generate(string path, long megabytes)
{
    LogGenerator.Write(path, megabytes << 20);
    return 0;
}
