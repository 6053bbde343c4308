namespace AlgoTrade.Core.Admin;

public sealed record AdminOverview(int Users, int ActiveUsers, int Admins, int Bots, int RunningBots, int BotsInError, long ApproximateLogRows);
