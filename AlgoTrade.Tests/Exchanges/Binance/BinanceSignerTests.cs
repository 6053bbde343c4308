using AlgoTrade.Core.Exchanges.Binance;

namespace AlgoTrade.Tests.Exchanges.Binance;

public class BinanceSignerTests
{
    [Fact]
    public void Signs_binance_documented_example()
    {
        const string payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", BinanceSigner.Sign(payload, ExchangeTestHost.Secret));
    }

    [Fact]
    public void Signature_depends_on_every_byte_of_the_payload()
    {
        var a = BinanceSigner.Sign("symbol=LTCBTC&quantity=1", ExchangeTestHost.Secret);
        var b = BinanceSigner.Sign("symbol=LTCBTC&quantity=2", ExchangeTestHost.Secret);
        Assert.NotEqual(a, b);
    }
}
