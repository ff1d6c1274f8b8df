using Medic.Logs.Bench;

// Loghub accuracy:  dotnet run -c Release --project bench/Medic.Logs.Bench -- accuracy ../shared/loghub [--dump DIR] [--redact]
// Throughput:       dotnet run -c Release --project bench/Medic.Logs.Bench -- throughput FILE SIZE_MB [--keep]
// End to end:       dotnet run -c Release --project bench/Medic.Logs.Bench -- e2e FILE SIZE_MB [--keep] [--stage read|records|records-mine…]
var mode = args.Length > 0 ? args[0] : "accuracy";
return mode switch
{
    "accuracy" => AccuracyRun.Run(args[1..]),
    "throughput" => Throughput.Run(args[1..]),
    "e2e" => EndToEnd.Run(args[1..]),
    _ => AccuracyRun.Run(args), // old form: the Loghub folder as the only argument
};
