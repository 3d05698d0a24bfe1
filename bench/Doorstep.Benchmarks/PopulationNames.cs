using System.Text;
using Doorstep.Data.Demo;

namespace Doorstep.Benchmarks;

/// <summary>
/// Names as a population has them, so that a search is as selective as a real one: surnames weighted
/// as in the national rankings (王, 李 and 张 about 7 % each; the 100 commonest cover about 85 %),
/// then the rest of 百家姓 and the common two-character surnames in a thin tail; given names from
/// about 1,100 characters people choose for names, Zipf-weighted in the order listed, then the
/// other characters of GB 2312 level 1 as a rare tail (about 7 % of characters drawn). A quarter of
/// the names have one given character. The 60 × 60 of <see cref="FictionalPeople"/> made every
/// search look unselective; the demo keeps it, as its pages are read by people.
/// </summary>
internal static class PopulationNames
{
    /// <summary>The 100 commonest surnames with their share per 10,000 people (rounded; 2020 census rankings).</summary>
    private const string Common =
        "王712 李700 张674 刘510 陈461 杨322 黄245 赵219 吴200 周190 徐145 孙138 马129 朱128 胡116 郭113 何106 林102 高100 罗95 " +
        "郑93 梁86 谢76 宋70 唐69 许66 韩65 邓62 冯62 曹60 彭58 曾57 肖56 田54 董53 潘52 袁50 蔡48 蒋48 余47 " +
        "于46 杜45 叶44 程43 魏42 苏41 吕40 丁40 任39 卢38 姚37 沈37 钟36 姜35 崔34 谭33 陆32 范31 汪31 廖30 " +
        "石30 金29 韦29 贾28 夏28 付27 方27 邹26 熊26 白26 孟25 秦25 邱25 侯24 江24 尹23 薛23 闫22 段22 雷22 " +
        "龙21 黎21 史21 陶20 贺20 毛20 郝19 顾19 龚19 邵18 万18 覃17 武17 钱17 戴16 严16 莫16 孔15 向15 常15";

    /// <summary>The rest of 百家姓, in its order, from about 0.14 ‰ down to 0.01 ‰.</summary>
    private const string Rare =
        "褚卫尤施华戚喻柏水窦章云葛奚郎鲁昌苗凤花俞柳酆鲍费廉岑倪汤滕殷毕邬安乐时傅皮卞齐康伍元卜平和穆萧湛祁禹狄米贝明臧计伏成谈" +
        "茅庞纪舒屈项祝阮蓝闵席季麻强路娄危童颜梅盛刁骆樊凌霍虞支柯昝管经房裘缪干解应宗宣贲郁单杭洪包诸左吉钮嵇邢滑裴荣翁荀羊於惠" +
        "甄曲家封芮羿储靳汲邴糜松井富巫乌焦巴弓牧隗山谷车宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖符景詹束幸司韶郜蓟薄印宿怀蒲邰从鄂" +
        "索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼" +
        "容古易慎戈庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空毋沙乜养鞠须丰巢关蒯相查后" +
        "荆红游竺权逯盖益桓公";

    private static readonly string[] TwoCharacterSurnames =
        ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "夏侯", "慕容", "令狐", "尉迟", "公孙", "司徒", "端木", "钟离", "宇文"];

    /// <summary>Characters of given names, commonest first (duplicates in the list count once).</summary>
    private const string GivenCharacters =
        "英华玉秀明珍文芳建国红丽军平志敏海燕兰梅静丹美金春云霞凤荣林杰伟强磊洋勇涛斌超鹏刚辉峰浩宇俊飞波鑫亮宏光晓婷娟琴慧颖雪莉" +
        "萍玲洁倩艳娜佳欣怡彬博宁庆晨瑞嘉德勤忠良卫东民清正永康新福宝龙根发祥顺兴旺财贵富昌盛隆泰安和寿喜乐善仁义礼智信孝诚实毅坚" +
        "柔淑贤惠娴雅宜婉桂菊莺妹雷琼翠娥芬芝蓉萱菲蕾薇芸茜莎璐瑶琳璇琪瑾瑜璟珊珠瑛琦琛琬珏玮玥振邦立业家树生长万山堂子梓涵轩然一" +
        "诺妍雨桐可馨思远航梦紫若曦诗语嫣沐辰奕皓阳伯仲叔季孟元亨利贞乾坤震巽坎离艮兑天地日月星川河湖江风电霜冰露夏秋冬竹松柏桃李" +
        "杏荷莲枫樱杨柳槐榆梧楠杉檀椿棠二三四五六七八九十百千亿甲乙丙丁戊己庚辛壬癸丑寅卯巳午未申酉戌亥银铜铁锡钢铭锋锐钧铎锦镇钊" +
        "钰铮锴镕鉴木森材枝叶本朴栋梁楷模桥榕槿水浪潮汉洪涌澄澈淳润泽渊源沛沁洲渤浦潇湘火炎焱炜烨煜熙照煦焕灿烁炯炳炫土培基城垣均" +
        "圣坦墨垚增壁心念想意愿悦恒恩慈悟慎懿岳岩岭峻崇嵩岑峥嵘巍屹岚崖石砚碧磐硕确碩祯祺禄禧禅祖旭昊昕晟晖晋景晶暄曜暖晏朗朋望期" +
        "朝有服言词谦谨译谊谋谭谱识王环珮琅瑗璋璞璧琨琰瑄瑢人仕任伦伊佑佐健傲仪伶孔学孙存字守宗定宣宪宸容宽寒寓大太夫奇奉奎奥女好" +
        "如妙姝娇姗婧媛嫦斐斓武步歧力功加助励劲勃勉勋工左巧巨干年并幸广庄应庭庸廉弓引弘张弛弼彦彤彩彪彭影竖竞章竣童端笑笙笛筠策筱" +
        "简箫篆米粟粱精粹糸纪纯纬纲纳纵纶纷纹素索累绍经绮绯绵绣继绪续维绿缘羊羲群羽翁翔翩翰翱耀老考耳聪聚肃臣自至致舟舰般艾芊芋芍" +
        "芙芦芭芮花芷苇苍苑苗苹茂范茗茵茹荔莹菁菡萌葳蒂蓓蓝蓬蔚蕊蕙蕴藏虎虹行衡衣裕西要覃见观规视览觉谷豪贝贺资赐赛赞赤赫走越足路" +
        "跃身车轶轻载农达迈迎运近连迪逸遥遵道邑那都鄂采里重野量门闻闽阜阿陈陵陶隐雍隹雄集雯零霖霏青靖非面革音韵页顶项须顾颂领颜飒" +
        "食首香馥马驰驹骏骐骥高鹤鸣鸿鹰麟黄黎黛鼎齐龟狗毛小弟世传承先启全来亚凯捷胜援抗进方向泉溪流沙渚沧汐汀沫洛浙浚淼渝湛滨澜瀚" +
        "丰升乔书享京亭仙代仰伍似佩依侠俭修俞倚值偲傅储允克兆典兼冠凌凝刘则创初剑卓南印危厚原县取受口古句台史右司合吉同名君吟含吾" +
        "呈周咏品哲唐唯商喆器园图圆堃塘境士壮声处复多夜奋威娅孜州巡帆希帅师席常幼府弦彰往征径徐徽忆忻怀恺悠情惟愉慕懂戈成战扬技抒" +
        "持挺教敬数斯施旗旦早昀昆昇昭晗晴暮曼曾最朔朱杭果栩格桦棋椒楚欢歌欧殿毓气汝池汪沅治泓派涓深温滢滔漫澍灵炅点熠燊爱父牧特玄" +
        "玟珂珑球琉瓒甘甫田由甸界畅登白皎益盈瞻知砺祁祎祝神票禾秉程稳穆空穹笃筑箐粤绎缙缤罗翌翎翘耕育胤能腾舒色艺节芃芯苒苓茁茉荀" +
        "莘莞菱萧葆蒙蓁蔓蔺蕃薪藤虞蜜融衍裴褀詹誉调谚豫贻贾赋赟赢趣轲辅迅迟逍遂邈郁郎鄞酩钦钱铄铠锟镜闲阅阔陌隽雁霁霓靓韬韶颐飙馆" +
        "驿骁骞鲁鲲鸥鸾鹄麒黔";

    private static readonly (string[] Values, double[] Cumulative) Surnames = Weighted(SurnameWeights());
    private static readonly (string[] Values, double[] Cumulative) Given = Weighted(GivenWeights());

    /// <summary>How many different surnames and given-name characters the names are drawn from.</summary>
    public static (int Surnames, int GivenCharacters) Counts => (Surnames.Values.Length, Given.Values.Length);

    public static string Name(Random random)
    {
        var surname = Draw(Surnames, random);
        var given = Draw(Given, random);
        return random.Next(100) < 25 ? surname + given : surname + given + Draw(Given, random);
    }

    private static IEnumerable<(string, double)> SurnameWeights()
    {
        foreach (var pair in Common.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return (pair[..1], double.Parse(pair[1..], System.Globalization.CultureInfo.InvariantCulture));
        }

        var rare = Rare.EnumerateRunes().Select(r => r.ToString()).ToList();
        for (var i = 0; i < rare.Count; i++)
        {
            yield return (rare[i], 1.4 - 1.3 * i / rare.Count);
        }

        foreach (var surname in TwoCharacterSurnames)
        {
            yield return (surname, 0.2);
        }
    }

    private static IEnumerable<(string, double)> GivenWeights()
    {
        var common = GivenCharacters.EnumerateRunes().Select(r => r.ToString()).Distinct().ToList();
        for (var i = 0; i < common.Count; i++)
        {
            yield return (common[i], Math.Pow(i + 1, -0.7));
        }

        // GB 2312 level 1: rows 16–55 (bytes B0–D7), 94 characters a row (D7 stops at F9).
        var tail = Math.Pow(common.Count, -0.7) / 10;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb2312 = Encoding.GetEncoding("GB2312");
        var known = common.ToHashSet();
        for (var row = 0xB0; row <= 0xD7; row++)
        {
            for (var cell = 0xA1; cell <= (row == 0xD7 ? 0xF9 : 0xFE); cell++)
            {
                var character = gb2312.GetString([(byte)row, (byte)cell]);
                if (known.Add(character))
                {
                    yield return (character, tail);
                }
            }
        }
    }

    private static (string[], double[]) Weighted(IEnumerable<(string Value, double Weight)> weights)
    {
        var list = weights.ToList();
        var cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            cumulative[i] = total += list[i].Weight;
        }

        return (list.Select(w => w.Value).ToArray(), cumulative);
    }

    private static string Draw((string[] Values, double[] Cumulative) table, Random random)
    {
        var at = random.NextDouble() * table.Cumulative[^1];
        var i = Array.BinarySearch(table.Cumulative, at);
        return table.Values[i < 0 ? ~i : i];
    }
}
